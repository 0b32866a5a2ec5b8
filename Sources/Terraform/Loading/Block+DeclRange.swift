import HCL

extension Block {
    /// Terraform's `DeclRange` of a block, which its messages print (`already declared at
    /// main.tf:1,1-29`): in native syntax the type keyword through the last label; in JSON the
    /// body object's opening brace, which the JSON reader gives as the block's `typeRange` (the
    /// labels, property names, come before it).
    var declRange: SourceRange {
        guard let last = labelRanges.last, last.end.offset > typeRange.start.offset else { return typeRange }
        return SourceRange(filename: typeRange.filename, start: typeRange.start, end: last.end)
    }
}
