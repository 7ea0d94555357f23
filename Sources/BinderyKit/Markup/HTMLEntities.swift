import CLibXML2

/// Character references in text that is not parsed as HTML (titles and date
/// lines of archive headers), decoded with libxml2's table of HTML's named
/// entities — the same table that decodes article bodies.
enum HTMLEntities {
    /// Replaces `&name;`, `&#123;` and `&#x1F600;`. A reference to a code
    /// point that is not a Unicode scalar (or NUL) becomes U+FFFD, as HTML's
    /// numeric character reference rules say; an unknown name stays as written.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            guard scalar == "&", let semicolon = scalars[(i + 1)...].prefix(32).firstIndex(of: ";"),
                  let decoded = character(String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon]))) else {
                out.append(scalar)
                i += 1
                continue
            }
            out.append(decoded)
            i = semicolon + 1
        }
        return String(out)
    }

    /// What the reference `&name;` stands for (`name` without `&` and `;`).
    private static func character(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value else { return nil }
            guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
            return scalar
        }
        guard !name.isEmpty, name.utf8.allSatisfy({ $0 < 0x80 }), let entity = htmlEntityLookup(name) else { return nil }
        return Unicode.Scalar(entity.pointee.value)
    }
}
