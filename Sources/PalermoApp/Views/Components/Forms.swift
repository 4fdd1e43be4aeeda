import PalermoCore
import Plot

/// Labelled fields that show their own problems, linked for screen readers with
/// `aria-describedby` and `aria-invalid`.
enum Forms {
    static func field(_ name: String, label: String, type: HTMLInputType = .text, value: String = "",
                      required: Bool = false, autocomplete: String? = nil, hint: String? = nil,
                      problems: [FieldProblem] = []) -> Node<HTML.FormContext> {
        let mine = problems.filter { $0.field == name }
        return .div(
            .class(mine.isEmpty ? "field" : "field invalid"),
            .label(.for("f-\(name)"), .text(label)),
            .if(hint != nil, .p(.class("hint"), .id("f-\(name)-hint"), .text(hint ?? ""))),
            .forEach(mine) { .p(.class("error"), .id("f-\(name)-error"), .text($0.detail)) },
            .input(
                .type(type), .name(name), .id("f-\(name)"), .value(value), .required(required),
                .attribute(named: "autocomplete", value: autocomplete),
                .attribute(named: "aria-invalid", value: mine.isEmpty ? nil : "true"),
                .attribute(named: "aria-describedby", value: mine.isEmpty ? (hint == nil ? nil : "f-\(name)-hint") : "f-\(name)-error")
            )
        )
    }

    static func select(_ name: String, label: String, options: [(value: String, label: String)],
                       selected: String?, problems: [FieldProblem] = []) -> Node<HTML.FormContext> {
        let mine = problems.filter { $0.field == name }
        return .div(
            .class(mine.isEmpty ? "field" : "field invalid"),
            .label(.for("f-\(name)"), .text(label)),
            .forEach(mine) { .p(.class("error"), .id("f-\(name)-error"), .text($0.detail)) },
            .select(
                .attribute(named: "name", value: name), .attribute(named: "id", value: "f-\(name)"),
                .attribute(named: "aria-describedby", value: mine.isEmpty ? nil : "f-\(name)-error"),
                .forEach(options) { option in
                    .element(named: "option", nodes: [
                        .attribute(named: "value", value: option.value, ignoreIfValueIsEmpty: false),
                        .attribute(named: "selected", value: option.value == selected ? "selected" : nil),
                        .text(option.label),
                    ])
                }
            )
        )
    }

    static func textArea(_ name: String, label: String, value: String, problems: [FieldProblem] = []) -> Node<HTML.FormContext> {
        let mine = problems.filter { $0.field == name }
        return .div(
            .class(mine.isEmpty ? "field" : "field invalid"),
            .label(.for("f-\(name)"), .text(label)),
            .forEach(mine) { .p(.class("error"), .text($0.detail)) },
            .textarea(.name(name), .id("f-\(name)"), .rows(4), .text(value))
        )
    }

    /// The list of problems at the top of a form, focusable so keyboard users land on it.
    static func summary(_ problems: [FieldProblem], t: Localizer) -> Node<HTML.BodyContext> {
        .if(!problems.isEmpty, .div(
            .class("error-summary"), .attribute(named: "role", value: "alert"),
            .attribute(named: "tabindex", value: "-1"),
            .h2(.text(t("form.problems"))),
            .ul(.forEach(problems) { .li(.strong(.text($0.field)), .text(": \($0.detail)")) })
        ))
    }
}

/// A table with a caption and header row, the form every list of figures takes.
enum Tables {
    static func table(caption: String, headers: [String], rows: [[Node<HTML.BodyContext>]], id: String? = nil) -> Node<HTML.BodyContext> {
        .table(
            .attribute(named: "id", value: id),
            .caption(.text(caption)),
            .thead(.tr(.forEach(headers) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
            .tbody(.forEach(rows) { cells in .tr(.forEach(cells) { .td($0) }) })
        )
    }
}

extension Node where Context == HTML.BodyContext {
    /// Elements Plot does not name.
    static func figure(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "figure", nodes: nodes) }
    static func figcaption(_ nodes: Node<HTML.BodyContext>...) -> Node { .element(named: "figcaption", nodes: nodes) }
}
