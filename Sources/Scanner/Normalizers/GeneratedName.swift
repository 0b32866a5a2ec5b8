/// Names the provider generates (`create.Name`): `name_prefix` plus a 26-digit unique suffix, and
/// `terraform-` as the prefix when a declaration sets neither `name` nor `name_prefix`.
enum GeneratedName {
    /// The provider's `name_prefix` as it reads it back (`create.NamePrefixFromName`): the name
    /// without the 26-digit suffix, `nil` for a name that does not end in one.
    static func prefix(_ name: String) -> String? {
        let suffixLength = 26
        guard name.count > suffixLength else { return nil }
        let suffix = name.suffix(suffixLength)
        guard suffix.allSatisfy(\.isHexDigit) else { return nil }
        return String(name.dropLast(suffixLength))
    }
}
