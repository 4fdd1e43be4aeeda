import PalermoCore
import Testing

@Suite("Access policies")
struct AccessPolicyTests {
    static let admin = Principal(userID: "a", role: .administrator, state: nil)
    static let focalFRA = Principal(userID: "f", role: .focalPoint, state: "FRA")
    static let expertFRA = Principal(userID: "e", role: .nationalExpert, state: "FRA")
    static let observerFRA = Principal(userID: "o", role: .observer, state: "FRA")
    static let practitioner = Principal(userID: "p", role: .practitioner, state: nil)

    @Test("a State's data is written by its focal point and experts and the Secretariat only")
    func writeStateData() {
        // setup
        let cases: [(Principal, String, Bool)] = [
            (Self.admin, "DEU", true), (Self.focalFRA, "FRA", true), (Self.expertFRA, "FRA", true),
            (Self.focalFRA, "DEU", false), (Self.expertFRA, "DEU", false), (Self.observerFRA, "FRA", false),
            (Self.practitioner, "FRA", false), (.public, "FRA", false),
        ]
        for (principal, state, allowed) in cases {
            // MUT
            let decision = StatePolicy.writeStateData(principal, state: state)
            // validation
            #expect(decision.isAllowed == allowed, "\(principal.role?.rawValue ?? "public") on \(state)")
        }
    }

    @Test("a workspace is read by the State's own officials and the Secretariat")
    func readWorkspace() {
        #expect(StatePolicy.readWorkspace(Self.focalFRA, state: "FRA").isAllowed)
        #expect(StatePolicy.readWorkspace(Self.observerFRA, state: "FRA").isAllowed)
        #expect(StatePolicy.readWorkspace(Self.admin, state: "FRA").isAllowed)
        #expect(!StatePolicy.readWorkspace(Self.focalFRA, state: "DEU").isAllowed)
        #expect(!StatePolicy.readWorkspace(Self.practitioner, state: "FRA").isAllowed)
        #expect(!StatePolicy.readWorkspace(.public, state: "FRA").isAllowed)
    }

    @Test("a focal point names experts and observers of its own State, nothing more")
    func manageUsers() {
        #expect(UserPolicy.manage(Self.focalFRA, role: .nationalExpert, state: "FRA").isAllowed)
        #expect(UserPolicy.manage(Self.focalFRA, role: .observer, state: "FRA").isAllowed)
        #expect(!UserPolicy.manage(Self.focalFRA, role: .focalPoint, state: "FRA").isAllowed)
        #expect(!UserPolicy.manage(Self.focalFRA, role: .administrator, state: nil).isAllowed)
        #expect(!UserPolicy.manage(Self.focalFRA, role: .nationalExpert, state: "DEU").isAllowed)
        #expect(!UserPolicy.manage(Self.expertFRA, role: .nationalExpert, state: "FRA").isAllowed)
        #expect(UserPolicy.manage(Self.admin, role: .administrator, state: nil).isAllowed)
        #expect(!UserPolicy.manage(.public, role: .observer, state: nil).isAllowed)
    }

    @Test("treaty status and the audit log are the Secretariat's")
    func secretariatOnly() {
        for principal in [Self.focalFRA, Self.expertFRA, Self.observerFRA, Self.practitioner, .public] {
            #expect(!TreatyPolicy.edit(principal).isAllowed)
            #expect(!AuditPolicy.read(principal).isAllowed)
        }
        #expect(TreatyPolicy.edit(Self.admin).isAllowed)
        #expect(AuditPolicy.read(Self.admin).isAllowed)
    }

    @Test("a token never carries more than its owner")
    func tokens() {
        #expect(TokenPolicy.create(Self.focalFRA, role: .focalPoint, state: "FRA").isAllowed)
        #expect(TokenPolicy.create(Self.focalFRA, role: .observer, state: "FRA").isAllowed)
        #expect(!TokenPolicy.create(Self.focalFRA, role: .administrator, state: "FRA").isAllowed)
        #expect(!TokenPolicy.create(Self.focalFRA, role: .focalPoint, state: "DEU").isAllowed)
        #expect(!TokenPolicy.create(Self.observerFRA, role: .nationalExpert, state: "FRA").isAllowed)
        #expect(!TokenPolicy.create(.public, role: .observer, state: nil).isAllowed)
    }
}
