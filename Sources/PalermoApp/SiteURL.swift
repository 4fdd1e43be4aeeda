import Foundation
import PalermoCore
import Vapor

/// Every page of the site, one case each: routes are registered from these and links are built
/// from them, so a link can never point at a route that does not exist.
enum SiteURL: Equatable {
    case home
    case states
    case state(String)
    case stateWorkspace(String)
    case stateTemplate(String)
    case stateImports(String)
    case submission(String, Int, SubmissionAction)
    case entry(String, Int)
    case treaties
    case treaty(Instrument)
    case treatyEdit(Instrument, String)
    case signIn
    case signOut
    case account
    case password
    case tokens
    case tokenRevoke(UUID)
    case adminUsers
    case adminUserDisable(UUID)
    case adminUserEnable(UUID)
    case audit

    var path: String {
        switch self {
        case .home: "/"
        case .states: "/states"
        case .state(let iso3): "/states/\(iso3)"
        case .stateWorkspace(let iso3): "/states/\(iso3)/workspace"
        case .stateTemplate(let iso3): "/states/\(iso3)/template.csv"
        case .stateImports(let iso3): "/states/\(iso3)/imports"
        case .submission(let iso3, let year, let action): "/states/\(iso3)/years/\(year)/\(action.rawValue)"
        case .entry(let iso3, let year): "/states/\(iso3)/years/\(year)/entry"
        case .treaties: "/treaties"
        case .treaty(let instrument): "/treaties/\(instrument.slug)"
        case .treatyEdit(let instrument, let iso3): "/treaties/\(instrument.slug)/\(iso3)/edit"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .account: "/account"
        case .password: "/account/password"
        case .tokens: "/account/tokens"
        case .tokenRevoke(let id): "/account/tokens/\(id.uuidString)/revoke"
        case .adminUsers: "/admin/users"
        case .adminUserDisable(let id): "/admin/users/\(id.uuidString)/disable"
        case .adminUserEnable(let id): "/admin/users/\(id.uuidString)/enable"
        case .audit: "/admin/audit"
        }
    }

    /// The path as route components, for pages without parameters.
    var components: [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }
}

extension SiteURL {
    static let iso3Parameter = "iso3"
    static let instrumentParameter = "instrument"
    static let idParameter = "id"

    /// Patterns of the parameterised pages, written once here.
    enum Pattern {
        static let state: [PathComponent] = ["states", ":iso3"]
        static let stateWorkspace: [PathComponent] = ["states", ":iso3", "workspace"]
        static let stateTemplate: [PathComponent] = ["states", ":iso3", "template.csv"]
        static let stateImports: [PathComponent] = ["states", ":iso3", "imports"]
        static let submission: [PathComponent] = ["states", ":iso3", "years", ":year", ":action"]
        static let entry: [PathComponent] = ["states", ":iso3", "years", ":year", "entry"]
        static let treaty: [PathComponent] = ["treaties", ":instrument"]
        static let treatyEdit: [PathComponent] = ["treaties", ":instrument", ":iso3", "edit"]
        static let tokenRevoke: [PathComponent] = ["account", "tokens", ":id", "revoke"]
        static let adminUserDisable: [PathComponent] = ["admin", "users", ":id", "disable"]
        static let adminUserEnable: [PathComponent] = ["admin", "users", ":id", "enable"]
    }
}

extension Request {
    /// The State named in the path, or 404 saying which code is unknown.
    func stateParameter() async throws -> StateRecord {
        let raw = parameters.get(SiteURL.iso3Parameter) ?? ""
        let code = raw.uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }),
              let state = try await StateRecord.find(code, on: db)
        else { throw Abort(.notFound, reason: "no State with the code \(raw.prefix(16)) (ISO 3166 alpha-3 expected)") }
        return state
    }

    func instrumentParameter() throws -> Instrument {
        let raw = parameters.get(SiteURL.instrumentParameter) ?? ""
        guard let instrument = Instrument(code: raw) else {
            throw Abort(.notFound, reason: "no instrument \(raw.prefix(16)); known: \(Instrument.allCases.map(\.slug).joined(separator: ", "))")
        }
        return instrument
    }

    func idParameter() throws -> UUID {
        let raw = parameters.get(SiteURL.idParameter) ?? ""
        guard let id = UUID(uuidString: raw) else { throw Abort(.notFound, reason: "\(raw.prefix(40)) is not an identifier") }
        return id
    }
}
