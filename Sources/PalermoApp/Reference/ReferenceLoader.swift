import Fluent
import Foundation
import PalermoCore

/// Brings the database in line with the reference data on every start: States are inserted or
/// updated; treaty status is seeded from the research panel only where the Secretariat has no
/// record yet, so its corrections are never overwritten.
enum ReferenceLoader {
    struct Outcome: Equatable {
        var statesAdded = 0
        var statesUpdated = 0
        var treatyRecordsSeeded = 0
        var categoryAliasesAdded = 0
    }

    @discardableResult
    static func load(_ data: ReferenceData = .shared, on db: Database, store: Store) async throws -> Outcome {
        try await store.write(on: db, by: .system) { tx, audit in
            var outcome = Outcome()
            let existing = try await StateRecord.query(on: tx).all()
            let byCode = Dictionary(uniqueKeysWithValues: existing.map { ($0.iso3, $0) })
            for state in data.states {
                let record = byCode[state.iso3] ?? StateRecord()
                let before = record.id == nil ? nil : Snapshot(record)
                apply(state, to: record)
                if before == nil {
                    try await record.create(on: tx)
                    outcome.statesAdded += 1
                } else if before != Snapshot(record) {
                    try await record.update(on: tx)
                    outcome.statesUpdated += 1
                }
            }
            let known = try await TreatyStatus.query(on: tx).all().map { "\($0.instrument.rawValue):\($0.state)" }
            let seeded = Set(known)
            for party in data.treaties.parties {
                guard let instrument = Instrument(code: party.instrument), !seeded.contains("\(instrument.rawValue):\(party.iso3)") else { continue }
                let status = TreatyStatus(state: party.iso3, instrument: instrument, source: data.treaties.source)
                status.partyYear = party.partyYear
                if let doubt = party.doubtful { status.source += " Doubtful: \(doubt)" }
                try await status.create(on: tx)
                outcome.treatyRecordsSeeded += 1
            }
            // Aliases the Secretariat already has (or changed) are left as they are.
            let aliases = Set(try await CategoryAlias.query(on: tx).all().compactMap(\.id))
            let missing = data.categoryAliases.filter { !aliases.contains($0.text) }.compactMap { alias in
                CategoryKind(rawValue: alias.kind).map { CategoryAlias(text: alias.text, kind: $0, iso3: alias.iso3) }
            }
            if !missing.isEmpty { try await missing.create(on: tx) }
            outcome.categoryAliasesAdded = missing.count
            if outcome != Outcome() {
                audit.record(action: "reference.load", entity: "reference", entityID: "states+treaties",
                             new: ["statesAdded": "\(outcome.statesAdded)", "statesUpdated": "\(outcome.statesUpdated)",
                                   "treatyRecordsSeeded": "\(outcome.treatyRecordsSeeded)",
                                   "categoryAliasesAdded": "\(outcome.categoryAliasesAdded)"],
                             reason: "reference data shipped with this release")
            }
            return outcome
        }
    }

    private static func apply(_ state: ReferenceData.State, to record: StateRecord) {
        record.id = state.iso3
        record.iso2 = state.iso2
        record.m49 = state.m49
        record.region = state.region
        record.subregion = state.subregion
        record.unStatus = state.unStatus
        record.inGlotip = state.inGlotip
        record.population = state.population
        record.populationYear = state.populationYear
        record.nameAR = state.names["ar"] ?? ""
        record.nameZH = state.names["zh"] ?? ""
        record.nameEN = state.names["en"] ?? ""
        record.nameFR = state.names["fr"] ?? ""
        record.nameRU = state.names["ru"] ?? ""
        record.nameES = state.names["es"] ?? ""
    }

    /// The comparable content of a State row, to update only what changed.
    private struct Snapshot: Equatable {
        var fields: [String]
        init(_ r: StateRecord) {
            fields = [r.iso2, r.m49, r.region, r.subregion, r.unStatus, "\(r.inGlotip)", "\(r.population ?? -1)",
                      "\(r.populationYear ?? -1)", r.nameAR, r.nameZH, r.nameEN, r.nameFR, r.nameRU, r.nameES]
        }
    }
}
