import HCL

/// A module's `terraform { required_providers { ... } }`: the local provider names it declares,
/// their source addresses, and the aliased configurations (`configuration_aliases`) its callers
/// must pass in. Terraform checks a module call's `providers` map against these when loading the
/// configuration, and names providers by their source in its messages.
struct RequiredProviders {
    /// One `NAME = { source = ..., configuration_aliases = [...] }` entry.
    struct Entry {
        var name: String
        /// The source address as written (`hashicorp/aws`); nil when the entry gives none.
        var source: String?
        /// `aws.west` for `configuration_aliases = [aws.west]`, in declaration order.
        var aliases: [String]
        /// The entry's value (`{ source = ... }`), where Terraform reports problems with it.
        var range: SourceRange? = nil
    }

    var entries: [Entry] = []

    init(_ config: ModuleConfig) {
        for block in config.requiredProviders {
            for attribute in block.body.attributes {
                entries.append(Self.entry(attribute))
            }
        }
    }

    /// Whether `name` (a local name such as `aws`, never `aws.west`) is declared.
    func declares(_ name: String) -> Bool { entries.contains { $0.name == name } }

    /// Every `configuration_aliases` member, in declaration order.
    var configurationAliases: [String] { entries.flatMap(\.aliases) }

    /// Terraform's fully qualified provider address for a local name:
    /// `registry.terraform.io/hashicorp/aws`. An undeclared name is implied to be `hashicorp/NAME`.
    func fullName(_ localName: String) -> String {
        let source = entries.first { $0.name == localName }?.source ?? "hashicorp/\(localName)"
        let parts = source.lowercased().split(separator: "/").map(String.init)
        switch parts.count {
        case 1: return "registry.terraform.io/hashicorp/\(parts[0])"
        case 2: return "registry.terraform.io/\(parts[0])/\(parts[1])"
        default: return parts.joined(separator: "/")
        }
    }

    /// The address as Terraform displays it: the default registry host left out (`hashicorp/aws`).
    func displayName(_ localName: String) -> String {
        let full = fullName(localName)
        let host = "registry.terraform.io/"
        return full.hasPrefix(host) ? String(full.dropFirst(host.count)) : full
    }

    private static func entry(_ attribute: Attribute) -> Entry {
        var entry = Entry(name: attribute.name, source: nil, aliases: [], range: attribute.expression.range)
        guard case .object(let items) = attribute.expression.kind else { return entry }  // `aws = "~> 5.0"`
        for item in items {
            switch item.key.staticString ?? item.key.providerReference?.name {
            case "source":
                entry.source = item.value.staticString
            case "configuration_aliases":
                guard case .tuple(let references) = item.value.kind else { continue }
                for reference in references {
                    guard let ref = reference.providerReference, let alias = ref.alias else { continue }
                    entry.aliases.append("\(ref.name).\(alias)")
                }
            default:
                continue
            }
        }
        return entry
    }
}
