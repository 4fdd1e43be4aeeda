import Foundation

/// Reads a worksheet's XML as bytes arrive, without building a DOM or calling back per element:
/// Foundation's XMLParser took five of the seven seconds the GLOTIP workbook needed. It knows
/// what a sheet holds — `<row r>`, `<c r t>`, `<v>`, `<t>` — and skips everything else.
struct SheetScanner {
    struct Cell {
        var column: Int
        var type: String
        var text: String
    }

    private var pending: [UInt8] = []
    private var rowNumber = 0
    private var nextColumn = 0
    private var cells: [Cell] = []
    private var current: Cell?
    private var capturing = false
    private var captured: [UInt8] = []

    /// Feeds a chunk; `row` receives each complete row's number and cells.
    mutating func feed(_ chunk: Data, row: (Int, [Cell]) throws -> Void) throws {
        pending.append(contentsOf: chunk)
        var index = 0
        let count = pending.count
        while index < count {
            if pending[index] != UInt8(ascii: "<") {
                // Text: only kept inside <v> or <t>.
                var end = index
                while end < count && pending[end] != UInt8(ascii: "<") { end += 1 }
                if end == count { break }  // may continue in the next chunk
                if capturing { captured.append(contentsOf: pending[index..<end]) }
                index = end
                continue
            }
            guard let close = pending[index...].firstIndex(of: UInt8(ascii: ">")) else { break }
            try tag(pending[(index + 1)..<close], row: row)
            index = close + 1
        }
        pending.removeFirst(index)
    }

    private enum Tag {
        case row, cell, value, other
    }

    private mutating func tag(_ bytes: ArraySlice<UInt8>, row: (Int, [Cell]) throws -> Void) throws {
        guard let first = bytes.first else { return }
        if first == UInt8(ascii: "/") {
            switch kind(bytes.dropFirst()) {
            case .value:
                capturing = false
            case .cell:
                if var cell = current {
                    cell.text = Self.decodeEntities(captured)
                    cells.append(cell)
                }
                current = nil
            case .row:
                try row(rowNumber, cells)
                cells.removeAll(keepingCapacity: true)
            case .other: break
            }
            return
        }
        if first == UInt8(ascii: "?") || first == UInt8(ascii: "!") { return }
        let selfClosing = bytes.last == UInt8(ascii: "/")
        switch kind(bytes) {
        case .row:
            rowNumber = attribute(UInt8(ascii: "r"), in: bytes).flatMap(Self.number) ?? rowNumber + 1
            nextColumn = 0
            cells.removeAll(keepingCapacity: true)
            if selfClosing { try row(rowNumber, []) }
        case .cell:
            let column = attribute(UInt8(ascii: "r"), in: bytes).map(Self.columnIndex) ?? nextColumn
            nextColumn = column + 1
            captured.removeAll(keepingCapacity: true)
            let type = attribute(UInt8(ascii: "t"), in: bytes).map { String(decoding: $0, as: UTF8.self) } ?? "n"
            let cell = Cell(column: column, type: type, text: "")
            if selfClosing { cells.append(cell) } else { current = cell }
        case .value:
            if !selfClosing && current != nil { capturing = true }
        case .other: break
        }
    }

    /// The tag's local name (`x:row` is `row`), compared as bytes: this runs for every element.
    private func kind(_ bytes: ArraySlice<UInt8>) -> Tag {
        var end = bytes.startIndex
        var start = bytes.startIndex
        while end < bytes.endIndex {
            let byte = bytes[end]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: ":") { start = end + 1 }
            end += 1
        }
        let name = bytes[start..<end]
        if name.elementsEqual("row".utf8) { return .row }
        if name.elementsEqual("c".utf8) { return .cell }
        if name.elementsEqual("v".utf8) || name.elementsEqual("t".utf8) { return .value }
        return .other
    }

    /// The value of a one-letter attribute (`r`, `t`), found byte by byte.
    private func attribute(_ key: UInt8, in bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var index = bytes.startIndex
        while index + 3 < bytes.endIndex {
            if bytes[index] == UInt8(ascii: " ") && bytes[index + 1] == key && bytes[index + 2] == UInt8(ascii: "=") {
                let quote = bytes[index + 3]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
                let start = index + 4
                var end = start
                while end < bytes.endIndex && bytes[end] != quote { end += 1 }
                return bytes[start..<end]
            }
            index += 1
        }
        return nil
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return bytes.isEmpty ? nil : value
    }

    /// "A1" → 0, "AB7" → 27.
    static func columnIndex(_ reference: ArraySlice<UInt8>) -> Int {
        var index = 0
        for byte in reference {
            guard byte >= 65 && byte <= 90 else { break }
            index = index * 26 + Int(byte - 64)
        }
        return max(index - 1, 0)
    }

    /// The five named entities and numeric references; nothing else is expanded.
    static func decodeEntities(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semi) <= 10 else {
                out += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "&\(entity);"
                }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}
