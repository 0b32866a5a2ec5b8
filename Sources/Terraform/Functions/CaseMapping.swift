/// Go's `unicode.ToUpper`/`ToLower`/`ToTitle`: one scalar to one scalar (`ß` stays `ß`, no
/// context-dependent final sigma), unlike Swift's full-string case mapping.
enum CaseMapping {
    static func upper(_ text: String) -> String { map(text) { simple($0, $0.properties.uppercaseMapping) } }
    static func lower(_ text: String) -> String {
        map(text) { $0 == "\u{130}" ? "i" : simple($0, $0.properties.lowercaseMapping) }
    }
    static func title(_ scalar: Unicode.Scalar) -> Unicode.Scalar { simple(scalar, scalar.properties.titlecaseMapping) }

    private static func simple(_ scalar: Unicode.Scalar, _ full: String) -> Unicode.Scalar {
        let mapped = full.unicodeScalars
        return mapped.count == 1 ? mapped[mapped.startIndex] : scalar
    }

    private static func map(_ text: String, _ transform: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(transform(scalar)) }
        return String(out)
    }
}
