import Foundation

/// Escaping for text and attribute values inside the SVG we write by hand.
enum SVG {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Numbers with at most one decimal, so paths stay short and output stays stable.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// A step chart of a count over years (Parties over time), accessible: the SVG has a title and a
/// description, and the page puts the same figures in a table beside it.
struct YearSeriesChart {
    var id: String
    var title: String
    var description: String
    var points: [(year: Int, value: Int)]
    /// A second series drawn dashed for comparison (e.g. the UN Treaty Collection's counts).
    var reference: [(year: Int, value: Int)] = []
    /// What the chart says when there is nothing to draw.
    var emptyText = "–"

    func render() -> String {
        let width = 640.0, height = 280.0, left = 48.0, right = 16.0, top = 16.0, bottom = 36.0
        let all = points + reference
        guard let firstYear = all.map(\.year).min(), let lastYear = all.map(\.year).max() else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)-t\" viewBox=\"0 0 640 60\"><title id=\"\(id)-t\">\(SVG.escape(title))</title><text x=\"8\" y=\"30\">\(SVG.escape(emptyText))</text></svg>"
        }
        let maxValue = max(1, all.map(\.value).max() ?? 1)
        let step = Self.niceStep(maxValue)
        let top0 = Double(((maxValue + step - 1) / step) * step)
        let span = Double(max(1, lastYear - firstYear))
        func x(_ year: Int) -> Double { left + (width - left - right) * Double(year - firstYear) / span }
        func y(_ value: Int) -> Double { top + (height - top - bottom) * (1 - Double(value) / top0) }

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" aria-labelledby=\"\(id)-t \(id)-d\">"
        svg += "<title id=\"\(id)-t\">\(SVG.escape(title))</title><desc id=\"\(id)-d\">\(SVG.escape(description))</desc>"
        var tick = 0
        while tick <= Int(top0) {
            svg += "<line class=\"grid\" x1=\"\(SVG.number(left))\" x2=\"\(SVG.number(width - right))\" y1=\"\(SVG.number(y(tick)))\" y2=\"\(SVG.number(y(tick)))\"/>"
            svg += "<text class=\"axis\" x=\"\(SVG.number(left - 6))\" y=\"\(SVG.number(y(tick) + 4))\" text-anchor=\"end\">\(tick)</text>"
            tick += step
        }
        let yearStep = max(1, Int(span) / 8)
        for year in stride(from: firstYear, through: lastYear, by: yearStep) {
            svg += "<text class=\"axis\" x=\"\(SVG.number(x(year)))\" y=\"\(SVG.number(height - bottom + 18))\" text-anchor=\"middle\">\(year)</text>"
        }
        svg += path(points, x: x, y: y, cssClass: "series")
        if !reference.isEmpty { svg += path(reference, x: x, y: y, cssClass: "series reference") }
        if let last = points.last {
            svg += "<circle class=\"series-end\" cx=\"\(SVG.number(x(last.year)))\" cy=\"\(SVG.number(y(last.value)))\" r=\"3\"/>"
        }
        return svg + "</svg>"
    }

    private func path(_ series: [(year: Int, value: Int)], x: (Int) -> Double, y: (Int) -> Double, cssClass: String) -> String {
        guard let first = series.first else { return "" }
        var d = "M\(SVG.number(x(first.year))),\(SVG.number(y(first.value)))"
        for point in series.dropFirst() { d += "L\(SVG.number(x(point.year))),\(SVG.number(y(point.value)))" }
        return "<path class=\"\(cssClass)\" d=\"\(d)\" fill=\"none\"/>"
    }

    /// 1, 2 or 5 times a power of ten, giving about five grid lines.
    static func niceStep(_ maxValue: Int) -> Int {
        let rough = max(1.0, Double(maxValue) / 5)
        let power = pow(10, floor(log10(rough)))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * power >= rough { return Int(factor * power) }
        return Int(10 * power)
    }
}

/// A world map from the Natural Earth outlines, each State coloured by a class and labelled
/// with its name for screen readers and tooltips.
struct WorldMap {
    struct Area {
        var iso3: String
        var name: String
        var cssClass: String
        var label: String
        var link: String?
    }

    var id: String
    var title: String
    var description: String
    var areas: [Area]
    var outlines: ReferenceData.Outlines = ReferenceData.shared.outlines

    func render() -> String {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" role=\"img\" viewBox=\"\(outlines.viewBox)\" aria-labelledby=\"\(id)-t \(id)-d\">"
        svg += "<title id=\"\(id)-t\">\(SVG.escape(title))</title><desc id=\"\(id)-d\">\(SVG.escape(description))</desc>"
        for key in outlines.otherLand.keys.sorted() {
            svg += "<path class=\"other-land\" aria-hidden=\"true\" d=\"\(outlines.otherLand[key] ?? "")\"/>"
        }
        for area in areas {
            guard let d = outlines.paths[area.iso3] else { continue }
            let shape = "<path class=\"\(area.cssClass)\" d=\"\(d)\"><title>\(SVG.escape(area.name)): \(SVG.escape(area.label))</title></path>"
            if let link = area.link {
                svg += "<a href=\"\(SVG.escape(link))\">\(shape)</a>"
            } else {
                svg += shape
            }
        }
        return svg + "</svg>"
    }
}
