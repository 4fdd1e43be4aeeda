/// A streaming RFC 4180 reader: bytes go in by chunks of any size, records come out as soon as
/// they are complete, so a file of any length is read in constant memory. Quoted fields may
/// hold separators, quotes (doubled) and line breaks; CRLF and LF both end a record; a UTF-8
/// byte-order mark is skipped.
public struct CSVReader {
    public struct Problem: Error, Equatable, Sendable {
        public var line: Int
        public var column: Int
        public var reason: String
    }

    public let separator: UInt8
    private var field: [UInt8] = []
    private var record: [String] = []
    private var inQuotes = false
    private var fieldWasQuoted = false
    private var quotePending = false
    private var atStart = true
    private var bomChecked = 0
    /// The physical line being read, and the one its record began on.
    private var line = 1
    private var recordLine = 1

    public init(separator: UInt8 = UInt8(ascii: ",")) {
        self.separator = separator
    }

    /// The separator of SDMX-CSV and of spreadsheets saved in many locales is the first `,` or
    /// `;` of the header line.
    public static func detectSeparator(inHeader bytes: some Sequence<UInt8>) -> UInt8 {
        for byte in bytes {
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "\t") { return byte }
            if byte == UInt8(ascii: "\n") { break }
        }
        return UInt8(ascii: ",")
    }

    /// Feeds the next chunk; `emit` receives each complete record with the line it began on.
    public mutating func feed(_ bytes: some Sequence<UInt8>, emit: ([String], Int) throws -> Void) throws {
        for byte in bytes {
            if bomChecked < 3 {
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                if atStart && byte == bom[bomChecked] {
                    bomChecked += 1
                    continue
                }
                if bomChecked > 0 && bomChecked < 3 { field.append(contentsOf: bom[0..<bomChecked]) }
                bomChecked = 3
            }
            atStart = false
            if inQuotes {
                if quotePending {
                    quotePending = false
                    if byte == UInt8(ascii: "\"") {
                        field.append(byte)
                        continue
                    }
                    inQuotes = false
                    // fall through: the byte after a closing quote is read as outside quotes
                } else if byte == UInt8(ascii: "\"") {
                    quotePending = true
                    continue
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                    continue
                }
            }
            switch byte {
            case separator:
                try endField()
            case UInt8(ascii: "\n"):
                try endRecord(emit: emit)
                line += 1
                recordLine = line
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\"") where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
            default:
                field.append(byte)
            }
        }
    }

    /// Ends the input: the last record needs no line break, but an open quote is an error.
    public mutating func finish(emit: ([String], Int) throws -> Void) throws {
        if inQuotes && !quotePending {
            throw Problem(line: recordLine, column: record.count + 1, reason: "a quoted field is never closed")
        }
        inQuotes = false
        quotePending = false
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted { try endRecord(emit: emit) }
    }

    private mutating func endField() throws {
        // Through a buffer pointer: the contiguous path validates UTF-8 many times faster.
        guard let text = field.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
            throw Problem(line: recordLine, column: record.count + 1, reason: "is not valid UTF-8 text")
        }
        record.append(text)
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
    }

    private mutating func endRecord(emit: ([String], Int) throws -> Void) throws {
        try endField()
        // A blank line is not a record.
        if !(record.count == 1 && record[0].isEmpty) { try emit(record, recordLine) }
        record.removeAll(keepingCapacity: true)
    }
}

/// Writing CSV: a field is quoted only when it must be (RFC 4180), quotes doubled.
public enum CSVField {
    public static func quoted(_ field: String) -> String {
        // Scanning bytes: Foundation's string searching is slow on Linux, and most fields need nothing.
        let special = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n")
            || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: ";") }
        guard special || field.hasPrefix(" ") || field.hasSuffix(" ") else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
