import CLibXML2

/// Mends the commonest ways feeds break XML before libxml2 sees them, so a
/// feed loses a character rather than the rest of an entry:
///
/// - HTML's named entities (`&nbsp;`, `&mdash;`, `&eacute;`), undeclared in
///   XML, become numeric references (libxml2's HTML 4 entity table);
/// - an unknown entity or a bare `&` (`AT&T`) becomes `&amp;`, so it shows
///   as written, and so does a `<` that cannot start a tag (`a < b`);
/// - control characters XML 1.0 forbids (§2.2: all C0 but tab, LF, CR) are
///   dropped.
///
/// CDATA sections, comments and processing instructions are copied as they
/// are: inside them `&` is literal text. Entities the document declares in
/// its DTD are left for libxml2.
enum XMLEntityRepair {
    static func repair(_ text: String) -> (text: String, repairs: Int) {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) }) else {
            return (text, 0)
        }
        let declared = declaredEntities(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var repairs = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "<"), let end = endOfVerbatimSection(bytes, at: i) {
                out.append(contentsOf: bytes[i..<end])
                i = end
                continue
            }
            if b == UInt8(ascii: "<"), i + 1 == bytes.count || isNeverTagStart(bytes[i + 1]) {
                out.append(contentsOf: "&lt;".utf8)
                repairs += 1
                i += 1
                continue
            }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D {
                repairs += 1
                i += 1
                continue
            }
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            let (replacement, length) = reference(bytes, at: i, declared: declared)
            if let replacement {
                out.append(contentsOf: replacement.utf8)
                repairs += 1
            } else {
                out.append(contentsOf: bytes[i..<(i + length)])
            }
            i += length
        }
        return (String(decoding: out, as: UTF8.self), repairs)
    }

    /// What to write for the `&` at `start`: `nil` to keep the `length`
    /// bytes as they are (a valid reference), else a replacement for them.
    private static func reference(_ bytes: [UInt8], at start: Int, declared: Set<String>) -> (String?, Int) {
        var i = start + 1
        if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
            i += 1
            let hex = i < bytes.count && (bytes[i] | 0x20) == UInt8(ascii: "x")
            if hex { i += 1 }
            let digitsStart = i
            while i < bytes.count, i - digitsStart < 8, isDigit(bytes[i], hex: hex) { i += 1 }
            if i > digitsStart, i < bytes.count, bytes[i] == UInt8(ascii: ";") {
                let digits = String(decoding: bytes[digitsStart..<i], as: UTF8.self)
                if let value = UInt32(digits, radix: hex ? 16 : 10), isXMLCharacter(value) { return (nil, i + 1 - start) }
                return ("\u{FFFD}", i + 1 - start)
            }
            return ("&amp;", 1)
        }
        let nameStart = i
        while i < bytes.count, i - nameStart < 32, isNameByte(bytes[i], first: i == nameStart) { i += 1 }
        guard i > nameStart, i < bytes.count, bytes[i] == UInt8(ascii: ";") else { return ("&amp;", 1) }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        let length = i + 1 - start
        if ["amp", "lt", "gt", "quot", "apos"].contains(name) || declared.contains(name) { return (nil, length) }
        if let value = htmlEntityValue(name) { return ("&#\(value);", length) }
        return ("&amp;", 1)
    }

    private static func htmlEntityValue(_ name: String) -> UInt32? {
        name.withCString { pointer -> UInt32? in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { xmlName in
                htmlEntityLookup(xmlName).map { UInt32($0.pointee.value) }
            }
        }
    }

    /// The end of a CDATA section, comment or processing instruction that
    /// starts at `start`, or `nil` when none starts there.
    private static func endOfVerbatimSection(_ bytes: [UInt8], at start: Int) -> Int? {
        for (opening, closing) in verbatimSections where bytes[start...].starts(with: opening) {
            guard let end = find(closing, in: bytes, from: start + opening.count) else { return bytes.count }
            return end + closing.count
        }
        return nil
    }

    private static let verbatimSections: [([UInt8], [UInt8])] = [
        (Array("<![CDATA[".utf8), Array("]]>".utf8)),
        (Array("<!--".utf8), Array("-->".utf8)),
        (Array("<?".utf8), Array("?>".utf8)),
    ]

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Names of `<!ENTITY name …>` declarations (general entities only).
    private static func declaredEntities(_ bytes: [UInt8]) -> Set<String> {
        let marker = Array("<!ENTITY".utf8)
        var names: Set<String> = []
        var from = 0
        while let found = find(marker, in: bytes, from: from) {
            var i = found + marker.count
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            let nameStart = i
            while i < bytes.count, isNameByte(bytes[i], first: i == nameStart) { i += 1 }
            if i > nameStart { names.insert(String(decoding: bytes[nameStart..<i], as: UTF8.self)) }
            from = i
        }
        return names
    }

    /// What may not follow `<` in a tag (XML 1.0 §3.1: a name, `/`, `!` or `?` does).
    private static func isNeverTagStart(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "=")
            || b == UInt8(ascii: "<") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    private static func isDigit(_ b: UInt8, hex: Bool) -> Bool {
        (b >= 0x30 && b <= 0x39) || (hex && ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66))
    }

    private static func isNameByte(_ b: UInt8, first: Bool) -> Bool {
        let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
        return letter || (!first && ((b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")))
    }

    /// XML 1.0 §2.2 `Char`.
    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }
}
