import DriftCore
import DriftModel

/// `drift report`: one self-contained HTML page (no script, font, stylesheet or image from
/// anywhere else) that works as a CI artifact or an email attachment: a summary, the trend of
/// findings over time as inline SVG, the open findings with drifting-since and `file:line`, the
/// snowflake ranking, and each drifted resource's timeline in a `<details>`. Kinds are told by
/// words and marker shapes as well as colour; the page follows `prefers-color-scheme` and reads
/// at phone width.
public struct HTMLReport: Sendable {
    public var target: ScanTarget
    /// The target's scans, oldest first (at least one).
    public var scans: [ScanRow]
    /// The latest scan's findings.
    public var findings: [Finding]
    public var resolved: [Finding]
    public var snowflakes: [SnowflakeRank]
    public var timelines: [ResourceTimeline]
    /// Other targets the history holds (named, not shown).
    public var otherTargets: [ScanTarget]
    public var generatedAt: String

    public init(
        target: ScanTarget, scans: [ScanRow], findings: [Finding], resolved: [Finding], snowflakes: [SnowflakeRank],
        timelines: [ResourceTimeline], otherTargets: [ScanTarget], generatedAt: String
    ) {
        self.target = target
        self.scans = scans
        self.findings = findings
        self.resolved = resolved
        self.snowflakes = snowflakes
        self.timelines = timelines
        self.otherTargets = otherTargets
        self.generatedAt = generatedAt
    }

    public func render() -> String {
        let latest = scans.last
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>drift report · \(h(target.root))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header>
            <h1>drift report</h1>
            <p class="where">\(h(target.root)) · account \(h(target.account ?? "unknown")) · \(h(target.region))</p>
            </header>
            <main>

            """
        html += summary(latest)
        html += chart()
        html += findingsTable(latest)
        html += snowflakeTable()
        html += timelineSection()
        if !otherTargets.isEmpty {
            html += "<section><h2>Other targets in this history</h2><ul>"
            for t in otherTargets { html += "<li>\(h(t.root)) · \(h(t.account ?? "unknown")) · \(h(t.region))</li>" }
            html += "</ul><p>Run <code>drift report</code> with <code>--root</code> to see one of them.</p></section>\n"
        }
        html += "</main>\n<footer>Generated \(h(generatedAt)) by drift \(h(DriftVersion.current)) from \(scans.count) scan\(scans.count == 1 ? "" : "s").</footer>\n</body>\n</html>\n"
        return html
    }

    func summary(_ latest: ScanRow?) -> String {
        guard let latest else { return "" }
        let s = latest.summary
        let verdict = findings.isEmpty && s.errors == 0 ? "No drift" : "Drift found"
        var out = "<section id=\"summary\"><h2>Summary</h2>\n"
        out += "<p class=\"verdict\"><strong>\(verdict)</strong> in the latest scan (#\(latest.id), \(h(latest.scannedAt)))"
        if let commit = latest.baselineCommit { out += " of baseline commit <code>\(h(String(commit.prefix(12))))</code>" }
        out += ".</p>\n<dl class=\"counts\">"
        let cells: [(String, Int)] = [
            ("managed", s.managed), ("in sync", s.inSync), ("drifted", s.drifted), ("missing", s.missing),
            ("orphaned", s.orphaned), ("unmanaged", s.unmanaged), ("errors", s.errors),
            ("new", findings.filter { $0.status == .new }.count), ("resolved", resolved.count),
        ]
        for (label, n) in cells { out += "<div><dt>\(label)</dt><dd>\(n)</dd></div>" }
        out += "</dl></section>\n"
        return out
    }

    func findingsTable(_ latest: ScanRow?) -> String {
        var out = "<section id=\"findings\"><h2>Open findings (\(findings.count))</h2>\n"
        guard !findings.isEmpty else { return out + "<p>None: the latest scan matches the files.</p></section>\n" }
        out += "<div class=\"scroll\"><table class=\"findings\"><thead><tr><th>Kind</th><th>Resource</th><th>What</th><th>Since</th><th>Declared at</th></tr></thead><tbody>\n"
        for f in findings {
            let now = latest?.scannedAt ?? generatedAt
            let since = SinceText.describe(f, at: now) ?? "—"
            var what = ""
            var at = f.source.map(h) ?? ""
            switch f.kind {
            case .drifted:
                what = f.changes.map {
                    "<code>\(h($0.path))</code>: \(h($0.declared.humanText)) → \(h($0.live.humanText))"
                }.joined(separator: "<br>")
                at = f.changes.compactMap(\.source).map(h).joined(separator: "<br>")
            case .missing: what = "gone live; Terraform would create it"
            case .orphaned: what = "in the state, declared by no file; terraform apply would destroy it"
            case .unmanaged: what = "no file declares it" + (f.name.map { " (\(h($0)))" } ?? "")
            }
            out += Self.findingRowStart(f)
            out += "<td data-label=\"Resource\"><code>\(h(f.address ?? "\(f.type) \(f.id ?? "")"))</code></td>"
            out += "<td data-label=\"What\">\(what)</td><td data-label=\"Since\">\(h(since))</td>"
            out += "<td data-label=\"Declared at\">\(at.isEmpty ? "—" : at)</td></tr>\n"
        }
        return out + "</tbody></table></div></section>\n"
    }

    func snowflakeTable() -> String {
        var out = "<section id=\"snowflakes\"><h2>Snowflakes: servers changed in place</h2>\n"
        let shown = snowflakes.prefix(20)
        guard !shown.isEmpty else { return out + "<p>No server in the history yet.</p></section>\n" }
        out += "<div class=\"scroll\"><table class=\"snowflakes\"><thead><tr><th>#</th><th>Server</th><th>Changes</th><th>Age</th><th>Last change</th></tr></thead><tbody>\n"
        let now = scans.last?.scannedAt ?? generatedAt
        for (i, r) in shown.enumerated() {
            out += "<tr class=\"snowflake\"><td data-label=\"Rank\">\(i + 1)</td><td data-label=\"Server\">\(Self.server(r))</td>"
            out += "<td data-label=\"Changes\">\(r.changes)</td><td data-label=\"Age\">\(h(SinceText.age(from: r.launched, to: now) ?? "?"))</td>"
            out += "<td data-label=\"Last change\">\(h(r.lastChange ?? "never"))</td></tr>\n"
        }
        if snowflakes.count > shown.count { out += "<tr><td colspan=\"5\">… and \(snowflakes.count - shown.count) more</td></tr>" }
        return out + "</tbody></table></div></section>\n"
    }

    func timelineSection() -> String {
        var out = "<section id=\"timelines\"><h2>Timelines of drifted resources</h2>\n"
        guard !timelines.isEmpty else { return out + "<p>No drifted resource.</p></section>\n" }
        for t in timelines {
            out += "<details class=\"timeline\"><summary><code>\(h(t.address ?? t.id))</code> \(h(t.id))"
            out += " · \(t.inPlaceChanges) change\(t.inPlaceChanges == 1 ? "" : "s")</summary><ol>\n"
            for e in t.events {
                out += "<li><time>\(h(e.at))</time> scan #\(e.scan): "
                switch e.kind {
                case .appeared: out += "first seen"
                case .gone: out += "gone"
                case .changed:
                    out += "changed<ul>" + e.changes.map { c in
                        "<li><code>\(h(c.path))</code> \(h(c.from.humanText)) → \(h(c.to.humanText)) — "
                            + h(TimelineRenderer.describe(c)) + "</li>"
                    }.joined() + "</ul>"
                }
                out += "</li>\n"
            }
            out += "</ol></details>\n"
        }
        return out + "</section>\n"
    }

    /// A ranked server as a table cell: address and id (or "unmanaged"), Name, whether it is gone.
    static func server(_ r: SnowflakeRank) -> String {
        var server = "<code>\(h(r.timeline.address ?? r.timeline.id))</code>"
        if r.timeline.address != nil { server += " \(h(r.timeline.id))" } else { server += " (unmanaged)" }
        if let name = r.timeline.name { server += " · \(h(name))" }
        if r.gone { server += " · gone" }
        return server
    }

    /// A finding's row up to its kind cell: the kind in words and shape, and whether it is new.
    static func findingRowStart(_ f: Finding) -> String {
        var out = "<tr class=\"finding\" data-kind=\"\(f.kind.rawValue)\" data-status=\"\(f.status?.rawValue ?? "")\">"
        out += "<td data-label=\"Kind\"><span class=\"kind \(f.kind.rawValue)\">\(symbol(f.kind)) \(f.kind.rawValue)</span>"
        if f.status == .new { out += " <span class=\"badge\">new</span>" }
        return out + "</td>"
    }

    static func symbol(_ kind: Finding.Kind) -> String {
        switch kind {
        case .drifted: return "~"
        case .missing: return "−"
        case .orphaned: return "✗"
        case .unmanaged: return "?"
        }
    }
}

/// Escaped for HTML text and attribute values.
func h(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}
