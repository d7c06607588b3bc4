/// The byte form of diagnostics, which the page cache and the build manifest keep. Fields are
/// written and read in the same order; a change here must bump the version of both files.

extension SourceLocation: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(line: try reader.int(), column: try reader.int())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(line)
        writer.write(column)
    }
}

extension Severity: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        switch try reader.int() {
        case 0: self = .note
        case 1: self = .warning
        case 2: self = .error
        default: throw ByteReader.Malformed()
        }
    }

    public func write(to writer: inout ByteWriter) {
        switch self {
        case .note: writer.write(0)
        case .warning: writer.write(1)
        case .error: writer.write(2)
        }
    }
}

extension RuleID: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        guard let rule = RuleID(rawValue: try reader.string()) else { throw ByteReader.Malformed() }
        self = rule
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(rawValue)
    }
}

extension Diagnostic: ByteCodable {
    public init(from reader: inout ByteReader) throws(ByteReader.Malformed) {
        self.init(
            file: try reader.string(), location: try reader.optional(), severity: try reader.value(),
            message: try reader.string(), rule: try reader.value(), hint: try reader.optionalString())
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(file)
        writer.write(location)
        writer.write(severity)
        writer.write(message)
        writer.write(rule)
        writer.write(hint)
    }
}
