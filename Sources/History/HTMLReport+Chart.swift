import DriftCore

extension HTMLReport {
    /// The trend as inline SVG: drifted, missing and unmanaged counts per scan, one `<g
    /// class="scan-point">` per scan holding a marker per series. Series differ by marker shape
    /// and dash pattern as well as colour, and the legend names them.
    func chart() -> String {
        let width = 720.0, height = 240.0, left = 40.0, right = 12.0, top = 12.0, bottom = 28.0
        let series: [(name: String, value: (Report.Summary) -> Int, dash: String)] = [
            ("drifted", { $0.drifted }, ""), ("missing", { $0.missing }, "6 4"), ("unmanaged", { $0.unmanaged }, "2 3"),
        ]
        let maxValue = max(1, scans.map { s in series.map { $0.value(s.summary) }.max() ?? 0 }.max() ?? 1)
        let n = scans.count
        func x(_ i: Int) -> Double { n <= 1 ? left + (width - left - right) / 2 : left + Double(i) * (width - left - right) / Double(n - 1) }
        func y(_ v: Int) -> Double { top + (height - top - bottom) * (1 - Double(v) / Double(maxValue)) }
        func f(_ d: Double) -> String { String(format: "%.1f", d) }
        var svg = "<section id=\"trend\"><h2>Findings over time</h2>\n"
        svg += "<figure><svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"trend-title\">"
        svg += "<title id=\"trend-title\">Drifted, missing and unmanaged findings in each of \(n) scans</title>"
        for tick in Set([0, maxValue / 2, maxValue]).sorted() {
            svg += "<line class=\"grid\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(tick)))\" y2=\"\(f(y(tick)))\"/>"
            svg += "<text class=\"axis\" x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(tick)</text>"
        }
        if let first = scans.first, let last = scans.last {
            svg += "<text class=\"axis\" x=\"\(f(left))\" y=\"\(f(height - 8))\">\(h(String(first.scannedAt.prefix(10))))</text>"
            svg += "<text class=\"axis\" x=\"\(f(width - right))\" y=\"\(f(height - 8))\" text-anchor=\"end\">\(h(String(last.scannedAt.prefix(10))))</text>"
        }
        for s in series {
            let points = scans.enumerated().map { i, scan in "\(f(x(i))),\(f(y(s.value(scan.summary))))" }.joined(separator: " ")
            svg += "<polyline class=\"line \(s.name)\" points=\"\(points)\"" + (s.dash.isEmpty ? "" : " stroke-dasharray=\"\(s.dash)\"") + "/>"
        }
        for (i, scan) in scans.enumerated() {
            let label = "scan #\(scan.id) \(scan.scannedAt): \(scan.summary.drifted) drifted, \(scan.summary.missing) missing, \(scan.summary.unmanaged) unmanaged"
            svg += "<g class=\"scan-point\" data-scan=\"\(scan.id)\"><title>\(h(label))</title>"
            for s in series { svg += marker(s.name, x: x(i), y: y(s.value(scan.summary))) }
            svg += "</g>"
        }
        svg += "</svg><figcaption class=\"legend\">"
        svg += series.map { s in
            "<span><svg width=\"28\" height=\"12\" aria-hidden=\"true\"><line class=\"line \(s.name)\" x1=\"0\" x2=\"28\" y1=\"6\" y2=\"6\""
                + (s.dash.isEmpty ? "" : " stroke-dasharray=\"\(s.dash)\"") + "/>\(marker(s.name, x: 14, y: 6))</svg> \(s.name)</span>"
        }.joined(separator: " ")
        svg += "</figcaption></figure></section>\n"
        return svg
    }

    /// Circle for drifted, square for missing, triangle for unmanaged.
    private func marker(_ series: String, x: Double, y: Double) -> String {
        func f(_ d: Double) -> String { String(format: "%.1f", d) }
        switch series {
        case "drifted": return "<circle class=\"marker drifted\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"3\"/>"
        case "missing": return "<rect class=\"marker missing\" x=\"\(f(x - 3))\" y=\"\(f(y - 3))\" width=\"6\" height=\"6\"/>"
        default: return "<path class=\"marker unmanaged\" d=\"M\(f(x)) \(f(y - 3.5))L\(f(x + 3.5)) \(f(y + 3))L\(f(x - 3.5)) \(f(y + 3))Z\"/>"
        }
    }

    static let style = """
        :root{--bg:#ffffff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--drifted:#9a6700;--missing:#cf222e;--unmanaged:#8250df;--badge:#0969da;--card:#f6f8fa}
        @media (prefers-color-scheme: dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--drifted:#d29922;--missing:#ff7b72;--unmanaged:#bc8cff;--badge:#4493f8;--card:#161b22}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
        header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
        h1{font-size:1.5rem;margin:1rem 0 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
        .where,footer{color:var(--muted);overflow-wrap:anywhere}
        code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere}
        .counts{display:grid;grid-template-columns:repeat(auto-fill,minmax(7rem,1fr));gap:.5rem;margin:0}
        .counts div{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.4rem .6rem}
        .counts dt{color:var(--muted);font-size:.8rem}.counts dd{margin:0;font-size:1.3rem;font-weight:600}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;min-width:36rem}
        th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
        th{font-size:.85rem;color:var(--muted)}
        .kind{font-weight:600;white-space:nowrap}.kind.drifted{color:var(--drifted)}.kind.missing{color:var(--missing)}.kind.unmanaged{color:var(--unmanaged)}
        .badge{border:1px solid var(--badge);color:var(--badge);border-radius:1rem;padding:0 .4rem;font-size:.75rem;font-weight:600}
        figure{margin:0}svg.chart{width:100%;height:auto;max-height:18rem}
        .grid{stroke:var(--line);stroke-width:1}.axis{fill:var(--muted);font-size:13px}
        .line{fill:none;stroke-width:2}.line.drifted{stroke:var(--drifted)}.line.missing{stroke:var(--missing)}.line.unmanaged{stroke:var(--unmanaged)}
        .marker.drifted{fill:var(--drifted)}.marker.missing{fill:var(--missing)}.marker.unmanaged{fill:var(--unmanaged)}
        .legend{display:flex;flex-wrap:wrap;gap:1rem;color:var(--muted);font-size:.9rem}
        details{border:1px solid var(--line);border-radius:6px;padding:.3rem .6rem;margin:.4rem 0;background:var(--card)}
        summary{cursor:pointer}ol{padding-left:1.2rem}
        footer{margin:2rem auto 1rem;font-size:.85rem}
        @media (max-width:40rem){
        table{min-width:0}thead{position:absolute;left:-9999px}
        table,tbody,tr,td{display:block;width:100%}
        tr{border:1px solid var(--line);border-radius:6px;margin:.5rem 0;padding:.3rem .5rem;background:var(--card)}
        td{border:0;padding:.15rem 0}
        td[data-label]::before{content:attr(data-label);display:block;color:var(--muted);font-size:.75rem}
        svg.chart .axis{font-size:20px}
        }
        """
}
