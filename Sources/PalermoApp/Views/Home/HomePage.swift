import Fluent
import PalermoCore
import Plot

/// The front page: what Palermo is, the figures it holds, and where the visitor's role leads.
enum HomePage {
    struct Model {
        var stateCount: Int
        var memberCount: Int
        var parties: [Instrument: Int]
    }

    static func query(on db: Database) async throws -> Model {
        let states = try await StateRecord.query(on: db).all()
        let statuses = try await TreatyStatus.query(on: db).all()
        var parties: [Instrument: Int] = [:]
        for status in statuses where status.standing.status == .party { parties[status.instrument, default: 0] += 1 }
        return Model(stateCount: states.count, memberCount: states.filter { $0.unStatus == "member" }.count, parties: parties)
    }

    static func view(_ model: Model, context: RequestContext) -> Page {
        let t = context.localizer
        return Page(title: t("home.title"), content: .group(
            .h1(.text(t("home.title"))),
            .p(.class("lead"), .text(t("home.lead"))),
            .section(
                .attribute(named: "aria-labelledby", value: "figures"),
                .h2(.id("figures"), .text(t("home.figures"))),
                .ul(.class("figures"),
                    .li(.strong(.text(t.number(model.stateCount))), .text(" " + t("home.statesAndTerritories"))),
                    .li(.strong(.text(t.number(model.memberCount))), .text(" " + t("home.members"))),
                    .forEach(Instrument.allCases) { instrument in
                        .li(.strong(.text(t.number(model.parties[instrument] ?? 0))),
                            .text(" " + t("home.partiesTo", ["instrument": t(instrument.shortKey)])))
                    })
            ),
            .section(
                .attribute(named: "aria-labelledby", value: "sections"),
                .h2(.id("sections"), .text(t("home.sections"))),
                .ul(.class("cards"),
                    .li(.a(.href(SiteURL.states.path), .text(t("nav.states"))), .p(.text(t("home.statesText")))),
                    .li(.a(.href(SiteURL.treaties.path), .text(t("nav.treaties"))), .p(.text(t("home.treatiesText")))))
            ),
            roleBox(context)
        ))
    }

    /// "A sign-in that leads each person to what their role allows."
    private static func roleBox(_ context: RequestContext) -> Node<HTML.BodyContext> {
        let t = context.localizer
        guard let user = context.user else {
            return .section(.class("role"), .h2(.text(t("home.officials"))), .p(.text(t("home.officialsText"))),
                            .p(.a(.class("button"), .href(SiteURL.signIn.path), .text(t("nav.signIn")))))
        }
        return .section(.class("role"),
            .h2(.text(t("home.signedInAs", ["name": user.name, "role": t("role.\(user.role.rawValue)")]))),
            .ul(AccountPage.links(for: user, t: t)))
    }
}
