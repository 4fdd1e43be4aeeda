import Fluent
import Foundation
import PalermoCore

/// One figure a State reported: a count (or a censored range) for an indicator, a breakdown
/// and category, a sex, an age group and a year.
final class Observation: Model, @unchecked Sendable {
    static let schema = "observations"

    @ID(key: .id) var id: UUID?
    /// The identity (see `ObservationDraft.key`), with `#2`, `#3`… when one file states the same
    /// identity more than once: each row is kept, none silently dropped.
    @Field(key: "key") var key: String
    @Field(key: "state_iso3") var state: String
    @Field(key: "indicator") var indicator: String
    @Field(key: "breakdown") var breakdown: String
    @Field(key: "category") var category: String
    /// For citizenship and repatriation: what the category was read as, and its country.
    @OptionalField(key: "category_kind") var categoryKind: String?
    @OptionalField(key: "category_iso3") var categoryISO3: String?
    @Field(key: "sex") var sex: String
    @Field(key: "age") var age: String
    @Field(key: "year") var year: Int
    @Field(key: "value_lower") var lower: Int
    @Field(key: "value_upper") var upper: Int
    /// provisional or final
    @Field(key: "status") var status: String
    @Field(key: "source") var source: String
    @Field(key: "comment") var comment: String
    /// draft, cleared or accepted: only accepted figures are public.
    @Field(key: "submission") var submission: String
    @OptionalField(key: "import_id") var importID: UUID?
    @Timestamp(key: "updated_at", on: .none) var updatedAt: Date?

    init() {}

    var value: CensoredCount { CensoredCount(lower: lower, upper: upper) }
}

/// A file that was imported, or refused: who, when, what file, and what it did.
final class ImportRecord: Model, @unchecked Sendable {
    static let schema = "imports"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "sha256") var sha256: String
    @Field(key: "format") var format: String
    @Field(key: "dry_run") var dryRun: Bool
    /// succeeded, refused or failed
    @Field(key: "outcome") var outcome: String
    @Field(key: "rows_read") var rowsRead: Int
    @Field(key: "added") var added: Int
    @Field(key: "changed") var changed: Int
    @Field(key: "unchanged") var unchanged: Int
    @Field(key: "problems") var problems: Int

    init() {}
}

/// How a citizenship or repatriation text is read; the Secretariat adds to it.
final class CategoryAlias: Model, @unchecked Sendable {
    static let schema = "category_aliases"

    @ID(custom: "text", generatedBy: .user) var id: String?
    @Field(key: "kind") var kind: String
    @OptionalField(key: "iso3") var iso3: String?

    init() {}

    init(text: String, kind: CategoryKind, iso3: String?) {
        self.id = text
        self.kind = kind.rawValue
        self.iso3 = iso3
    }
}
