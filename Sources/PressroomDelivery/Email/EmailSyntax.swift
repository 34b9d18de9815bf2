// Whether a text can be an email address at all (RFC 5321/5322 as senders use them): one @, a
// local part of the characters a dot-atom allows (or any UTF-8, RFC 6531), a domain of labels
// of letters, digits and hyphens (or any UTF-8, IDNA), no label empty or over 63 characters.
enum EmailSyntax {
    /// Why `address` is not an address; nil when it is one.
    static func problem(_ address: String) -> String? {
        let address = address.trimmingCharacters(in: .whitespaces)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count == 1 ? "it has no @" : "it has more than one @" }
        let (local, domain) = (parts[0], parts[1])
        guard !local.isEmpty, local.utf8.count <= 64 else { return local.isEmpty ? "nothing before the @" : "the part before the @ is longer than 64 octets" }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return "dots must stand between characters before the @" }
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")
        if let bad = local.first(where: { $0.isASCII && !atext.contains($0) }) { return "`\(bad)` cannot stand before the @ unquoted" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "the domain `\(domain)` has no dot" }
        for label in labels {
            guard !label.isEmpty else { return "the domain `\(domain)` has an empty label" }
            guard label.utf8.count <= 63 else { return "a label of the domain is longer than 63 octets" }
            guard !label.hasPrefix("-"), !label.hasSuffix("-") else { return "a label of the domain starts or ends with a hyphen" }
            if let bad = label.first(where: { $0.isASCII && !($0.isLetter || $0.isNumber || $0 == "-") }) { return "`\(bad)` cannot stand in a domain" }
        }
        return nil
    }
}
