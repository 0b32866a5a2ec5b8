import DriftCore
import DriftModel

/// `drift report` over a history that holds several targets (an estate scanned by one process or
/// by shards into one database): every target's latest scan side by side, the open findings of
/// all of them with where each was found, and the snowflake ranking across the estate. One
/// target's trend and timelines are `drift report --root DIR`.
public struct EstateHTMLReport: Sendable {
    /// One target and its latest scan's findings.
    public struct Row: Sendable {
        public var scan: ScanRow
        public var findings: [Finding]
        public init(scan: ScanRow, findings: [Finding]) {
            self.scan = scan
            self.findings = findings
        }
    }

    /// Sorted by target.
    public var rows: [Row]
    public var snowflakes: [SnowflakeRank]
    public var generatedAt: String

    public init(rows: [Row], snowflakes: [SnowflakeRank], generatedAt: String) {
        self.rows = rows
        self.snowflakes = snowflakes
        self.generatedAt = generatedAt
    }

    /// A target as people read it; the unmanaged inventory of an account and region has no root.
    static func describe(_ target: ScanTarget) -> String {
        let root = target.root == ScanRecorder.unmanagedRoot ? "declared by no root" : target.root
        return "\(root) · \(target.account ?? "unknown account") · \(target.region)"
    }

    public func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>drift report · estate of \(rows.count) targets</title>
            <style>\(HTMLReport.style)</style>
            </head>
            <body>
            <header>
            <h1>drift report</h1>
            <p class="where">estate: \(rows.count) targets (root · account · region), each at its latest scan</p>
            </header>
            <main>

            """
        html += summary()
        html += targetsTable()
        html += findingsTable()
        html += snowflakeTable()
        html += "<section><p>For one root's trend chart and timelines: <code>drift report --root DIR</code>.</p></section>\n"
        html += "</main>\n<footer>Generated \(h(generatedAt)) by drift \(h(DriftVersion.current)) from the latest scan of \(rows.count) targets.</footer>\n</body>\n</html>\n"
        return html
    }

    func summary() -> String {
        var total = Report.Summary()
        for row in rows {
            let s = row.scan.summary
            total.managed += s.managed
            total.inSync += s.inSync
            total.drifted += s.drifted
            total.missing += s.missing
            total.orphaned += s.orphaned
            total.unmanaged += s.unmanaged
            total.errors += s.errors
        }
        let findings = rows.reduce(0) { $0 + $1.findings.count }
        let verdict = findings == 0 && total.errors == 0 ? "No drift" : "Drift found"
        var out = "<section id=\"summary\"><h2>Summary</h2>\n"
        out += "<p class=\"verdict\"><strong>\(verdict)</strong> across \(rows.count) targets.</p>\n<dl class=\"counts\">"
        let cells: [(String, Int)] = [
            ("managed", total.managed), ("in sync", total.inSync), ("drifted", total.drifted), ("missing", total.missing),
            ("orphaned", total.orphaned), ("unmanaged", total.unmanaged), ("errors", total.errors),
            ("new", rows.reduce(0) { $0 + $1.findings.filter { $0.status == .new }.count }),
        ]
        for (label, n) in cells { out += "<div><dt>\(label)</dt><dd>\(n)</dd></div>" }
        return out + "</dl></section>\n"
    }

    func targetsTable() -> String {
        var out = "<section id=\"targets\"><h2>Targets (\(rows.count))</h2>\n"
        out += "<div class=\"scroll\"><table class=\"targets\"><thead><tr><th>Root</th><th>Account</th><th>Region</th>"
        out += "<th>Latest scan</th><th>Drifted</th><th>Missing</th><th>Orphaned</th><th>Unmanaged</th><th>Errors</th></tr></thead><tbody>\n"
        for row in rows {
            let t = row.scan.target, s = row.scan.summary
            let root = t.root == ScanRecorder.unmanagedRoot ? "declared by no root" : t.root
            out += "<tr class=\"target\" data-clean=\"\(row.findings.isEmpty && s.errors == 0)\">"
            out += "<td data-label=\"Root\"><code>\(h(root))</code></td><td data-label=\"Account\">\(h(t.account ?? "unknown"))</td>"
            out += "<td data-label=\"Region\">\(h(t.region))</td>"
            out += "<td data-label=\"Latest scan\">#\(row.scan.id) \(h(row.scan.scannedAt))</td>"
            for (label, n) in [("Drifted", s.drifted), ("Missing", s.missing), ("Orphaned", s.orphaned), ("Unmanaged", s.unmanaged), ("Errors", s.errors)] {
                out += "<td data-label=\"\(label)\">\(n)</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div></section>\n"
    }

    func findingsTable() -> String {
        let all = rows.flatMap { row in row.findings.map { (row.scan, $0) } }
        var out = "<section id=\"findings\"><h2>Open findings (\(all.count))</h2>\n"
        guard !all.isEmpty else { return out + "<p>None: every target's latest scan matches its files.</p></section>\n" }
        out += "<div class=\"scroll\"><table class=\"findings\"><thead><tr><th>Kind</th><th>Resource</th><th>Where</th><th>Since</th></tr></thead><tbody>\n"
        for (scan, f) in all {
            out += HTMLReport.findingRowStart(f)
            var resource = "<code>\(h(f.address ?? "\(f.type) \(f.id ?? "")"))</code>"
            if f.kind == .drifted { resource += "<br>" + f.changes.map { "<code>\(h($0.path))</code>" }.joined(separator: ", ") }
            out += "<td data-label=\"Resource\">\(resource)</td>"
            out += "<td data-label=\"Where\">\(h(Self.describe(scan.target)))</td>"
            out += "<td data-label=\"Since\">\(h(SinceText.describe(f, at: scan.scannedAt) ?? "—"))</td></tr>\n"
        }
        return out + "</tbody></table></div></section>\n"
    }

    func snowflakeTable() -> String {
        var out = "<section id=\"snowflakes\"><h2>Snowflakes across the estate</h2>\n"
        let shown = snowflakes.prefix(20)
        guard !shown.isEmpty else { return out + "<p>No server in the history yet.</p></section>\n" }
        out += "<div class=\"scroll\"><table class=\"snowflakes\"><thead><tr><th>#</th><th>Server</th><th>Where</th><th>Changes</th><th>Last change</th></tr></thead><tbody>\n"
        for (i, r) in shown.enumerated() {
            out += "<tr class=\"snowflake\"><td data-label=\"Rank\">\(i + 1)</td><td data-label=\"Server\">\(HTMLReport.server(r))</td>"
            out += "<td data-label=\"Where\">\(h(Self.describe(r.timeline.target)))</td>"
            out += "<td data-label=\"Changes\">\(r.changes)</td><td data-label=\"Last change\">\(h(r.lastChange ?? "never"))</td></tr>\n"
        }
        if snowflakes.count > shown.count { out += "<tr><td colspan=\"5\">… and \(snowflakes.count - shown.count) more</td></tr>" }
        return out + "</tbody></table></div></section>\n"
    }
}

extension HistoryQueries {
    /// The page `drift report` writes: with `root`, or when the history holds one target, that
    /// target's page (`HTMLReport`); otherwise the estate's (`EstateHTMLReport`).
    public static func reportPage(store: any HistoryStore, root: String?, now: String) throws(HistoryError) -> String {
        let all = try store.scans(target: nil)
        let targets = Set(all.map(\.target))
        guard root == nil, targets.count > 1 else { return try htmlReport(store: store, root: root, now: now).render() }
        var latest: [ScanTarget: ScanRow] = [:]
        for scan in all where latest[scan.target].map({ ($0.scannedAt, $0.id) < (scan.scannedAt, scan.id) }) ?? true {
            latest[scan.target] = scan
        }
        var rows: [EstateHTMLReport.Row] = []
        for (_, scan) in latest.sorted(by: { $0.key < $1.key }) {
            rows.append(EstateHTMLReport.Row(scan: scan, findings: try store.findings(scanID: scan.id).findings))
        }
        return EstateHTMLReport(rows: rows, snowflakes: try snowflakes(store: store), generatedAt: now).render()
    }
}
