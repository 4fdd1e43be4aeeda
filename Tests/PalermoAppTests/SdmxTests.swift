import Fluent
import Foundation
@testable import PalermoApp
import PalermoCore
import Testing
import Vapor

@Suite("SDMX-CSV import and export")
struct SdmxTests {
    static let file = """
    STRUCTURE;STRUCTURE_ID;ACTION;REF_AREA;TIME_PERIOD;INDICATOR;SEX;AGE;EXPLOITATION;OBS_VALUE;OBS_STATUS;COMMENT
    dataflow;UNODC:DF_TIP(1.0.0);I;AUT;2023;VICTIMS_DETECTED;F;Y_GE18;SEXUAL;120;A;
    dataflow;UNODC:DF_TIP(1.0.0);I;AUT;2023;VICTIMS_DETECTED;_T;_T;_T;171;A;"Total includes 37 of unknown age"
    dataflow;UNODC:DF_TIP(1.0.0);I;AUT;2022;VICTIMS_DETECTED;_T;_T;_T;150;A;

    """

    @Test("a ;-separated SDMX-CSV file imports; action D removes what it matches", arguments: TestStore.all)
    func importAndDelete(store: TestStore) async throws {
        try await withPalermo(store) { app in
            let first = try await importFile(try temporaryFile(Self.file), app)
            #expect(first.format == "sdmx-csv" && first.outcome == "succeeded" && first.added == 3)
            #expect(try await Observation.query(on: app.db).filter(\.$comment == "Total includes 37 of unknown age").count() == 1)
            let deletion = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,INDICATOR,SEX,AGE,OBS_VALUE\ndataflow,UNODC:DF_TIP(1.0.0),D,AUT,2023,,,,\n"
            let second = try await importFile(try temporaryFile(deletion), app)
            #expect(second.removed == 2)
            #expect(try await Observation.query(on: app.db).all().map(\.year) == [2022])
        }
    }

    @Test("our SDMX-CSV export reads back into the same store", arguments: TestStore.all)
    func roundTrip(store: TestStore) async throws {
        try await withPalermo(store) { app in
            _ = try await importFile(try temporaryFile(ImportTests.sample), app)
            var text = ""
            try await Exporter.write(.init(), as: .sdmx, for: Principal(userID: nil, role: .administrator, state: nil), on: app.db) { text += $0 }
            #expect(text.hasPrefix("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA"))
            let again = try await importFile(try temporaryFile(text), app)
            #expect(again.format == "sdmx-csv" && again.unchanged == 5 && again.added == 0 && again.changed == 0)
        }
    }

    static var pysdmxAvailable: Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import pysdmx.io.csv"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    @Test("a real SDMX reader (pysdmx, from PyPI) reads our SDMX-CSV", .enabled(if: pysdmxAvailable, "pip install 'pysdmx[data]' (CI does)"))
    func pysdmx() async throws {
        try await withPalermo(.sqlite) { app in
            _ = try await importFile(try temporaryFile(ImportTests.sample), app)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("palermo-sdmx-\(UUID().uuidString).csv")
            var text = ""
            try await Exporter.write(.init(), as: .sdmx, for: .public, on: app.db) { text += $0 }
            try text.write(to: url, atomically: true, encoding: .utf8)
            let reader = Process()
            reader.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            reader.arguments = ["python3", "-c", """
            import sys
            from pysdmx.io import read_sdmx
            ds = read_sdmx(sys.argv[1]).data[0]
            print(len(ds.data), sorted(set(ds.data["REF_AREA"])), list(ds.data["CONF_STATUS"]).count("C"))
            """, url.path]
            let pipe = Pipe()
            reader.standardOutput = pipe
            try reader.run()
            reader.waitUntilExit()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(reader.terminationStatus == 0)
            // Five observations of France; the 3 and the two <5 are all confidential in public.
            #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "5 ['FRA'] 3")
        }
    }
}
