extension SourceRange {
    /// HCL's own way of writing a range inside messages: `main.tf:1,6-15` on one line,
    /// `main.tf:1,6-2,3` across lines (end column exclusive).
    public var hclDescription: String {
        if start.line == end.line { return "\(filename):\(start.line),\(start.column)-\(end.column)" }
        return "\(filename):\(start.line),\(start.column)-\(end.line),\(end.column)"
    }
}
