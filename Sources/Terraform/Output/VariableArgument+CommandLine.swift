extension VariableArgument {
    /// `--var-file` and `--var` in the order they appear in `arguments` (Terraform applies them in
    /// command-line order); falls back to files-then-vars when the raw arguments do not match.
    public static func commandLineOrder(_ arguments: [String], varFiles: [String], vars: [String]) -> [VariableArgument] {
        var ordered: [VariableArgument] = []
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--var-file", "-var-file": if let value = iterator.next() { ordered.append(.file(value)) }
            case "--var", "-var": if let value = iterator.next() { ordered.append(.assignment(value)) }
            case let a where a.hasPrefix("--var-file="): ordered.append(.file(String(a.dropFirst(11))))
            case let a where a.hasPrefix("--var="): ordered.append(.assignment(String(a.dropFirst(6))))
            default: continue
            }
        }
        let expected = varFiles.map(VariableArgument.file) + vars.map(VariableArgument.assignment)
        let sameFiles = ordered.compactMap { if case .file(let f) = $0 { f } else { nil } } == varFiles
        let sameVars = ordered.compactMap { if case .assignment(let v) = $0 { v } else { nil } } == vars
        return sameFiles && sameVars ? ordered : expected
    }
}
