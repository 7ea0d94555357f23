/// A JSON value that remembers the line it starts on, so that a rule file's
/// problems can be reported where the user wrote them (Foundation's parser
/// gives neither lines nor the order of an object's keys).
///
/// The grammar is RFC 8259's, read strictly: no comments, no trailing
/// commas, no duplicate keys (a second `"remove"` in a site would silently
/// replace the first).
struct LocatedJSON: Sendable {
    enum Value: Sendable {
        /// Members in the order written.
        case object([Member])
        case array([LocatedJSON])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    struct Member: Sendable {
        var key: String
        var value: LocatedJSON
    }

    var value: Value
    /// 1-based line of the value's first character.
    var line: Int

    /// What kind of value this is, as messages name it.
    var kindName: String {
        switch value {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }

    /// Parses `text`; `file` names it in errors.
    ///
    /// - Throws: `SiteRulesError` with the line (and column) of the first problem.
    static func parse(_ text: String, file: String) throws -> LocatedJSON {
        var parser = Parser(bytes: Array(text.utf8), file: file)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the end of the document") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        let file: String
        var index = 0
        var line = 1
        var lineStart = 0

        /// Rule files are shallow; this only stops runaway recursion.
        static let maximumDepth = 64

        init(bytes: [UInt8], file: String) {
            self.bytes = bytes
            self.file = file
            // A byte-order mark is tolerated, as editors on Windows write one.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            lineStart = index
        }

        func error(_ message: String) -> SiteRulesError {
            SiteRulesError(file: file, line: line, message: "invalid JSON at column \(index - lineStart + 1): \(message)")
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = current {
                switch byte {
                case 0x0A:
                    line += 1
                    index += 1
                    lineStart = index
                case 0x20, 0x09, 0x0D:
                    index += 1
                default:
                    return
                }
            }
        }

        mutating func value(depth: Int) throws -> LocatedJSON {
            guard depth < Self.maximumDepth else { throw error("nested too deeply") }
            let startLine = line
            guard let byte = current else { throw error("the document ends where a value should be") }
            let value: Value
            switch byte {
            case UInt8(ascii: "{"): value = .object(try object(depth: depth))
            case UInt8(ascii: "["): value = .array(try array(depth: depth))
            case UInt8(ascii: "\""): value = .string(try string())
            case UInt8(ascii: "t"): try literal("true"); value = .bool(true)
            case UInt8(ascii: "f"): try literal("false"); value = .bool(false)
            case UInt8(ascii: "n"): try literal("null"); value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = .number(try number())
            default:
                throw error("expected a value (a string in double quotes, a list, an object, a number, true, false or null)")
            }
            return LocatedJSON(value: value, line: startLine)
        }

        private mutating func object(depth: Int) throws -> [Member] {
            index += 1
            var members: [Member] = []
            var seen = Set<String>()
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                index += 1
                return members
            }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw error("expected a field name in double quotes") }
                let keyLine = line
                let key = try string()
                guard seen.insert(key).inserted else {
                    throw SiteRulesError(file: file, line: keyLine, message: "invalid JSON: the field \"\(key)\" appears twice in one object")
                }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw error("expected ':' after the field name \"\(key)\"") }
                index += 1
                skipWhitespace()
                members.append(Member(key: key, value: try value(depth: depth + 1)))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ",")?: index += 1
                case UInt8(ascii: "}")?:
                    index += 1
                    return members
                default: throw error("expected ',' or '}' after the value of \"\(key)\"")
                }
            }
        }

        private mutating func array(depth: Int) throws -> [LocatedJSON] {
            index += 1
            var items: [LocatedJSON] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                index += 1
                return items
            }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ",")?: index += 1
                case UInt8(ascii: "]")?:
                    index += 1
                    return items
                default: throw error("expected ',' or ']' in a list")
                }
            }
        }

        private mutating func literal(_ word: String) throws {
            let expected = Array(word.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else {
                throw error("expected a value (did you mean \(word)? strings need double quotes)")
            }
            index += expected.count
        }

        private mutating func number() throws -> Double {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            func digits() -> Int {
                let from = index
                while let byte = current, (0x30...0x39).contains(byte) { index += 1 }
                return index - from
            }
            guard digits() > 0 else { throw error("a number needs digits") }
            if current == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw error("a number needs digits after '.'") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw error("a number needs digits in its exponent") }
            }
            guard let number = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
                throw error("not a number")
            }
            return number
        }

        private mutating func string() throws -> String {
            index += 1
            var out: [UInt8] = []
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    index += 1
                    try escape(into: &out)
                case 0x00..<0x20:
                    throw error(byte == 0x0A ? "a string must end on the line it starts (write \\n for a line break)"
                                             : "control characters must be escaped in strings")
                default:
                    out.append(byte)
                    index += 1
                }
            }
            throw error("the document ends inside a string")
        }

        private mutating func escape(into out: inout [UInt8]) throws {
            guard let byte = current else { throw error("the document ends inside a string") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hexQuad()
                if (0xD800..<0xDC00).contains(scalar) {
                    // A surrogate pair (RFC 8259 §7).
                    guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("a \\u escape of a high surrogate must be followed by a low one")
                    }
                    index += 2
                    let low = try hexQuad()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("invalid low surrogate in a \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let character = Unicode.Scalar(scalar) else { throw error("\\u escape of an unpaired surrogate") }
                out.append(contentsOf: Array(String(Character(character)).utf8))
            default:
                throw error("unknown escape \\\(Character(Unicode.Scalar(byte))) (a regular expression's backslash is written \\\\ in JSON)")
            }
        }

        private mutating func hexQuad() throws -> UInt32 {
            guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
                throw error("a \\u escape needs four hexadecimal digits")
            }
            index += 4
            return value
        }
    }
}
