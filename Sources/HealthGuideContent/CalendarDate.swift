/// A calendar day with no time or time zone, as authors write it (`2026-03-03`).
/// Review dates are days, so they are kept as days: no time zone can shift them.
public struct CalendarDate: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid day, or nil for impossible ones such as 2026-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `days` days after 1 January 1970 in the proleptic Gregorian calendar (the
    /// civil-from-days method of H. Hinnant's date algorithms); nil outside years 1 to 9999.
    public init?(daysSince1970 days: Int) {
        let shifted = days + 719_468 // Days since 1 March of year 0.
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD`, read from the bytes: every page's review date is parsed on
    /// every full build.
    public init?(iso text: String) {
        guard Self.hasISOShape(text) else { return nil }
        let digits = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int {
            digits[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        self.init(year: number(0..<4), month: number(5..<7), day: number(8..<10))
    }

    /// True when the text has the `YYYY-MM-DD` shape, valid or not: used to tell
    /// "impossible date" apart from "not a date".
    public static func hasISOShape(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same day `months` later; the 31st becomes the last day of a shorter month. Nil
    /// past the year 9999, where no day can be written in `YYYY-MM-DD`.
    public func adding(months: Int) -> CalendarDate? {
        let total = (year * 12 + (month - 1)) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let newDay = min(day, Self.daysIn(month: newMonth, year: newYear))
        return CalendarDate(year: newYear, month: newMonth, day: newDay)
    }

    /// `2026-03-03`
    public var iso: String {
        // Written digit by digit into the string, not padded and joined from smaller strings:
        // every article's dates are written on every build.
        String(unsafeUninitializedCapacity: 10) { buffer in
            for (offset, value, width) in [(0, year, 4), (5, month, 2), (8, day, 2)] {
                var rest = value
                for position in (offset..<offset + width).reversed() {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            buffer[4] = UInt8(ascii: "-")
            buffer[7] = UInt8(ascii: "-")
            return 10
        }
    }

    /// `3 March 2026`, the form patients read.
    public var longForm: String {
        "\(day) \(Self.monthNames[month - 1]) \(year)"
    }

    public var description: String { iso }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
