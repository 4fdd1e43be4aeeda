import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PalermoCore
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

        // The sheet is scanned as it is unzipped, a chunk at a time: memory stays flat.
        guard FileManager.default.createFile(atPath: csv.path, contents: nil), let output = FileHandle(forWritingAtPath: csv.path) else {
            throw Problem(description: "could not be unpacked on the server")
        }
        defer { try? output.close() }
        var scanner = SheetScanner()
        var buffer = Data()
        do {
            _ = try archive.extract(sheetEntry, bufferSize: 1 << 16) { chunk in
                try scanner.feed(chunk) { number, cells in
                    guard let last = cells.map(\.column).max() else { return }
                    var fields = Array(repeating: "", count: last + 2)
                    fields[0] = String(number)
                    for cell in cells where cell.column < 16_384 {
                        fields[cell.column + 1] = try value(of: cell, row: number, shared: shared)
                    }
                    buffer.append(contentsOf: Array((fields.map(CSVField.quoted).joined(separator: ",") + "\n").utf8))
                    if buffer.count > 1 << 20 {
                        output.write(buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(description: "has a damaged worksheet (\(sheetPath)): \(error)")
        }
        output.write(buffer)
    }

    private static func value(of cell: SheetScanner.Cell, row: Int, shared: [String]) throws -> String {
        switch cell.type {
        case "s":
            guard let index = Int(cell.text), shared.indices.contains(index) else {
                throw Problem(description: "row \(row): a cell refers to shared string \(cell.text.prefix(12)), which does not exist")
            }
            return shared[index]
        case "b": return cell.text == "1" ? "TRUE" : "FALSE"
        default: return cell.text
        }
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
