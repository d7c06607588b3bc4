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
        self = try reader.bool() ? .error : .warning
    }

    public func write(to writer: inout ByteWriter) {
        writer.write(self == .error)
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
