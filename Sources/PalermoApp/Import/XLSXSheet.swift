import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the first worksheet of an .xlsx file and writes its rows as CSV, each prefixed with the
/// sheet's own row number, so that the one streaming CSV path does the rest. Tolerant in the
/// ways the published GLOTIP workbook needs: a wrong `<dimension>`, parts named but missing,
/// cells without a reference, formulas (their cached value is taken).
enum XLSXSheet {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static let rowColumn = "__sheet_row"

    static func convertFirstSheet(of file: URL, to csv: URL) throws {
        let archive: Archive
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw Problem(description: "is not a readable .xlsx file (not a zip archive, or a damaged one)")
        }
        let sheetPath = try firstSheetPath(archive)
        guard let sheetEntry = archive[sheetPath] else {
            throw Problem(description: "names a worksheet \(sheetPath) that is not in the file")
        }
        let shared = try archive["xl/sharedStrings.xml"].map { try sharedStrings(archive, $0) } ?? []

        // Unzip the sheet to a temporary file and parse it as a stream: memory stays flat.
        let sheetFile = FileManager.default.temporaryDirectory.appendingPathComponent("palermo-sheet-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: sheetFile) }
        do {
            _ = try archive.extract(sheetEntry, to: sheetFile, skipCRC32: false)
        } catch {
            throw Problem(description: "has a damaged worksheet (\(sheetPath)): \(error)")
        }
        guard FileManager.default.createFile(atPath: csv.path, contents: nil), let output = FileHandle(forWritingAtPath: csv.path),
              let input = InputStream(url: sheetFile)
        else { throw Problem(description: "could not be unpacked on the server") }
        defer { try? output.close() }
        let reader = SheetReader(shared: shared, output: output)
        let parser = XMLParser(stream: input)
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            if let problem = reader.problem { throw problem }
            throw Problem(description: "has a worksheet that is not well-formed XML (line \(parser.lineNumber)): \(parser.parserError.map { "\($0)" } ?? "unknown")")
        }
        if let problem = reader.problem { throw problem }
        reader.flush()
    }

    /// The target of the workbook's first `<sheet>`, through its relationship.
    private static func firstSheetPath(_ archive: Archive) throws -> String {
        guard let workbook = try? data(archive, "xl/workbook.xml"), let rels = try? data(archive, "xl/_rels/workbook.xml.rels") else {
            return "xl/worksheets/sheet1.xml"
        }
        let firstID = AttributeFinder.first(element: "sheet", attribute: "r:id", in: workbook)
        let target = firstID.flatMap { id in AttributeFinder.target(ofRelationship: id, in: rels) }
        guard var target else { return "xl/worksheets/sheet1.xml" }
        if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
        return target
    }

    private static func data(_ archive: Archive, _ path: String) throws -> Data {
        guard let entry = archive[path] else { throw Problem(description: "lacks \(path)") }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }

    private static func sharedStrings(_ archive: Archive, _ entry: Entry) throws -> [String] {
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        let collector = SharedStringsReader()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else { throw Problem(description: "has a damaged shared-strings part") }
        return collector.strings
    }
}

/// `<si>` items, each the concatenation of its `<t>` runs (rich text has several).
private final class SharedStringsReader: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// Walks `<row>`s and `<c>`ells, writing one CSV record per row.
private final class SheetReader: NSObject, XMLParserDelegate {
    let shared: [String]
    let output: FileHandle
    var problem: XLSXSheet.Problem?
    private var buffer = Data()
    private var rowNumber = 0
    private var cells: [Int: String] = [:]
    private var cellColumn = 0
    private var cellType = ""
    private var text = ""
    private var capturing = false
    private var nextColumn = 0

    init(shared: [String], output: FileHandle) {
        self.shared = shared
        self.output = output
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            cells = [:]
            nextColumn = 0
        case "c":
            cellColumn = attributes["r"].map(Self.columnIndex) ?? nextColumn
            nextColumn = cellColumn + 1
            cellType = attributes["t"] ?? "n"
            text = ""
        case "v", "t":
            capturing = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t":
            capturing = false
        case "c":
            var value = text
            if cellType == "s" {
                guard let index = Int(text), shared.indices.contains(index) else {
                    problem = .init(description: "row \(rowNumber): a cell refers to shared string \(text.prefix(12)), which does not exist")
                    parser.abortParsing()
                    return
                }
                value = shared[index]
            } else if cellType == "b" {
                value = text == "1" ? "TRUE" : "FALSE"
            }
            if cellColumn < 16_384 { cells[cellColumn] = value }
        case "row":
            write()
        default: break
        }
    }

    private func write() {
        guard let last = cells.keys.max() else { return }
        var fields = [String(rowNumber)]
        for column in 0...last { fields.append(cells[column] ?? "") }
        let line = fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\n"
        buffer.append(contentsOf: Array(line.utf8))
        if buffer.count > 1 << 20 { flush() }
    }

    func flush() {
        output.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// "A1" → 0, "AB7" → 27.
    static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
        }
        return max(index - 1, 0)
    }
}

/// Small look-ups in the workbook's XML parts, without a full parse.
private enum AttributeFinder {
    static func first(element: String, attribute: String, in data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        guard let start = text.range(of: "<\(element) ") else { return nil }
        let tail = text[start.upperBound...]
        guard let end = tail.firstIndex(of: ">") else { return nil }
        return value(of: attribute, in: String(tail[..<end]))
    }

    static func target(ofRelationship id: String, in data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        for piece in text.components(separatedBy: "<Relationship ").dropFirst() {
            let tag = String(piece.prefix { $0 != ">" })
            if value(of: "Id", in: tag) == id { return value(of: "Target", in: tag) }
        }
        return nil
    }

    private static func value(of attribute: String, in tag: String) -> String? {
        guard let range = tag.range(of: "\(attribute)=\"") else { return nil }
        let rest = tag[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
