import ConsoleKit
import Foundation
import PalermoCore
import Vapor

/// `palermo bench generate --rows N --output FILE`: realistic SDMX-CSV of any size, for the
/// benchmarks under Benchmarks/. Every row a distinct observation; about a third censored.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "generate") var action: String
        @Option(name: "rows", help: "how many observations") var rows: Int?
        @Option(name: "output", help: "the file to write") var output: String?
        @Option(name: "seed", help: "seed of the values (default 2009)") var seed: Int?
        init() {}
    }

    var help: String { "Writes realistic SDMX-CSV for benchmarks." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "generate" else { throw InvalidInput([.init("action", "must be generate")]) }
        guard let rows = signature.rows, rows > 0 else { throw InvalidInput([.init("rows", "give a number of rows above 0")]) }
        guard let path = signature.output, FileManager.default.createFile(atPath: path, contents: nil),
              let out = FileHandle(forWritingAtPath: path)
        else { throw InvalidInput([.init("output", "give a file that can be written")]) }
        defer { try? out.close() }
        let written = try BenchData.write(rows: rows, seed: UInt64(signature.seed ?? 2009), to: out,
                                          states: ReferenceData.shared.states.map(\.iso3))
        context.console.print("wrote \(written) rows to \(path)")
    }
}

enum BenchData {
    /// Enumerates distinct identities State by State and year by year, as a national
    /// collection grows, until `rows` are written.
    static func write(rows: Int, seed: UInt64, to out: FileHandle, states: [String]) throws -> Int {
        var random = seed
        func next() -> UInt64 {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return random >> 33
        }
        var buffer = SdmxTable.columns.joined(separator: ",") + "\n"
        var written = 0
        let breakdowns: [(Breakdown, [String])] = [(.total, ["_T"]), (.exploitation, Exploitation.allCases.map(\.rawValue)),
                                                   (.citizenship, states), (.repatriation, states)]
        outer: for breakdown in breakdowns {
            for category in breakdown.1 {
                for state in states {
                    for year in 2003...2022 {
                        for indicator in Indicator.allCases {
                            for sex in Sex.allCases {
                                for age in AgeGroup.allCases {
                                    let draw = next() % 100
                                    let value = draw < 33 ? "" : String(5 + next() % (draw < 90 ? 200 : 5000))
                                    buffer += "dataflow,\(SdmxTable.structureID),I,\(state),\(year),\(indicator.rawValue),\(breakdown.0.rawValue),\(category),\(sex.rawValue),\(age.rawValue),\(value),\(value.isEmpty ? "C" : "F"),bench,\n"
                                    written += 1
                                    if buffer.utf8.count > 1 << 20 {
                                        out.write(Data(buffer.utf8))
                                        buffer = ""
                                    }
                                    if written == rows { break outer }
                                }
                            }
                        }
                    }
                }
            }
        }
        out.write(Data(buffer.utf8))
        return written
    }
}
