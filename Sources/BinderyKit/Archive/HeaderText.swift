/// Decoding of the little HTML that appears in headers and date lines:
/// character references and whitespace. (Bodies are parsed by libxml2 in
/// Markup; this covers titles, which are plain text with entities.)
enum HeaderText {
    /// Named references seen in feed titles and date lines, plus the basic
    /// five. An unknown name is left as written.
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "nbsp": "\u{00A0}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "zwsp": "\u{200B}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "hellip": "…", "mdash": "—", "ndash": "–", "minus": "−",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„",
        "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›",
        "middot": "·", "bull": "•", "deg": "°", "times": "×", "divide": "÷",
        "copy": "©", "reg": "®", "trade": "™", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢",
        "sect": "§", "para": "¶", "dagger": "†", "Dagger": "‡", "prime": "′", "Prime": "″",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "aacute": "á", "agrave": "à",
        "acirc": "â", "auml": "ä", "aring": "å", "ccedil": "ç", "iacute": "í", "iuml": "ï",
        "oacute": "ó", "ocirc": "ô", "ouml": "ö", "uacute": "ú", "uuml": "ü", "ntilde": "ñ",
        "szlig": "ß", "Eacute": "É", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü",
    ]

    /// Replaces `&name;`, `&#123;` and `&#x1F600;`. References to code
    /// points that are not Unicode scalars (or NUL) become U+FFFD, as the
    /// HTML standard's numeric character reference rules say.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            guard s == "&", let semicolon = scalars[(i + 1)...].prefix(32).firstIndex(of: ";") else {
                out.append(s)
                i += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon]))
            if let decoded = decodeReference(name) {
                out.append(contentsOf: decoded.unicodeScalars)
                i = semicolon + 1
            } else {
                out.append(s)
                i += 1
            }
        }
        return String(out)
    }

    private static func decodeReference(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value else { return nil }
            guard value != 0, let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
            return String(Character(scalar))
        }
        return named[name]
    }

    /// Collapses runs of whitespace (including line breaks and U+00A0) into
    /// one space, drops zero-width characters and trims both ends.
    static func collapsingWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            switch s.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                continue
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                pendingSpace = !out.isEmpty
            default:
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(s)
            }
        }
        return String(out)
    }

    /// Whether the text holds CJK ideographs (used to guess a feed's zone).
    static func containsHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { isHan($0.value) }
    }

    static func isHan(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x3134F).contains(v)
    }
}
