/// The kinds of token the native-syntax lexer produces. Template text and code share one stream:
/// the lexer switches modes at quotes, heredocs, `${`, `%{` and the matching `}`.
enum TokenKind: UInt8, Sendable {
    case identifier, number
    case openQuote, closeQuote, quotedLiteral
    case openHeredoc, closeHeredoc, heredocLiteral
    /// Template text read by `HCLParser.parseTemplate` (no quotes, no closing marker).
    case templateLiteral
    case templateInterpolation, templateControl, templateSequenceEnd
    case openBrace, closeBrace, openBracket, closeBracket, openParen, closeParen
    case comma, dot, ellipsis, equals, colon, doubleColon, question, fatArrow
    case plus, minus, star, slash, percent
    case equalEqual, notEqual, less, greater, lessEqual, greaterEqual, and, or, bang
    case newline, endOfFile
    case invalid
    case unterminatedString, unterminatedHeredoc, unterminatedComment, invalidHeredoc

    var isError: Bool { rawValue >= TokenKind.invalid.rawValue }
}

/// One lexed token: its kind and byte range. Text is sliced from the source bytes only when the
/// parser needs it, so lexing allocates nothing per token.
struct Token: Sendable {
    var kind: TokenKind
    /// For `templateInterpolation`/`templateControl`: `${~`; for `templateSequenceEnd`: `~}`;
    /// for `openHeredoc`: `<<-`.
    var flag: Bool
    // 32-bit offsets keep a token at 12 bytes; sources are far below 2 GB.
    private var startOffset: Int32
    private var endOffset: Int32

    var start: Int { Int(startOffset) }
    var end: Int { Int(endOffset) }

    init(_ kind: TokenKind, _ start: Int, _ end: Int, flag: Bool = false) {
        self.kind = kind
        self.flag = flag
        self.startOffset = Int32(truncatingIfNeeded: start)
        self.endOffset = Int32(truncatingIfNeeded: end)
    }
}
