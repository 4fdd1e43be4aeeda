import Foundation

/// What a password must be: long rather than complicated (NIST SP 800-63B), within what Bcrypt
/// reads (72 bytes), and not the account's own name.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumBytes = 72

    /// Every problem at once, as message keys with their arguments, empty when acceptable.
    public static func problems(password: String, email: String) -> [String] {
        var problems: [String] = []
        if password.count < minimumLength {
            problems.append("password must have at least \(minimumLength) characters")
        }
        if password.utf8.count > maximumBytes {
            problems.append("password must have at most \(maximumBytes) bytes")
        }
        if Set(password).count < 4 {
            problems.append("password must use at least 4 different characters")
        }
        let name = email.split(separator: "@").first.map { $0.lowercased() } ?? ""
        if name.count >= 4 && password.lowercased().contains(name) {
            problems.append("password must not contain the account name")
        }
        return problems
    }
}

/// An e-mail address as accounts use it: trimmed, lower-cased, one `@` with text on both sides
/// and a dot in the domain. Deliverability is the mail server's business.
public enum EmailAddress {
    public static func normalized(_ raw: String) -> String? {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
        else { return nil }
        return email
    }
}
