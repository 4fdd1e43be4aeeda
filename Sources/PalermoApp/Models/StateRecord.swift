import Fluent
import PalermoCore

/// A country or territory: a UN Member or observer State, or a territory GLOTIP reports on.
/// Keyed by ISO 3166 alpha-3, the code every exchange format uses.
final class StateRecord: Model, @unchecked Sendable {
    static let schema = "states"

    @ID(custom: "iso3", generatedBy: .user) var id: String?
    @Field(key: "iso2") var iso2: String
    @Field(key: "m49") var m49: String
    @Field(key: "region") var region: String
    @Field(key: "subregion") var subregion: String
    @Field(key: "un_status") var unStatus: String
    @Field(key: "in_glotip") var inGlotip: Bool
    @OptionalField(key: "population") var population: Int?
    @OptionalField(key: "population_year") var populationYear: Int?
    @Field(key: "name_ar") var nameAR: String
    @Field(key: "name_zh") var nameZH: String
    @Field(key: "name_en") var nameEN: String
    @Field(key: "name_fr") var nameFR: String
    @Field(key: "name_ru") var nameRU: String
    @Field(key: "name_es") var nameES: String

    init() {}

    var iso3: String { id ?? "" }

    func name(in language: Language) -> String {
        switch language {
        case .ar: nameAR
        case .zh: nameZH
        case .en: nameEN
        case .fr: nameFR
        case .ru: nameRU
        case .es: nameES
        }
    }
}
