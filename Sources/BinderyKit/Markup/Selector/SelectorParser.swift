/// Reads the selector language described at `Selector`.
///
/// ```
/// selector  = compound *( spaces compound )
/// compound  = [ name | "*" ] *( "." ident | "#" ident | "[" ident [ op value ] "]" )   ; not empty
/// op        = "=" | "~=" | "^=" | "$=" | "*="
/// value     = ident-like text without spaces, "]" or quotes | '"' text '"' | "'" text "'"
/// ```
enum SelectorParser {
    /// What is wrong with a selector, in words for the rule file's author.
    struct Failure: Error, Equatable, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func parse(_ source: String) throws -> Selector {
        var scanner = Scanner(Array(source.unicodeScalars))
        var compounds: [Selector.Compound] = []
        scanner.skipSpaces()
        guard !scanner.atEnd else { throw Failure(message: "empty selector") }
        while !scanner.atEnd {
            compounds.append(try compound(&scanner))
            let hadSpace = scanner.skipSpaces()
            guard scanner.atEnd || hadSpace else {
                throw Failure(message: "unexpected \"\(scanner.peek!)\" (only element names, .class, #id, [attribute] and spaces are understood)")
            }
        }
        return Selector(compounds: compounds, source: source.trimmingHTMLWhitespace())
    }

    private static func compound(_ scanner: inout Scanner) throws -> Selector.Compound {
        var compound = Selector.Compound()
        var isEmpty = true
        if scanner.peek == "*" {
            scanner.advance()
            isEmpty = false
        } else if let name = scanner.identifier() {
            compound.name = name.lowercased()
            isEmpty = false
        }
        while let next = scanner.peek {
            switch next {
            case ".":
                scanner.advance()
                guard let name = scanner.identifier() else { throw Failure(message: "a class name must follow \".\"") }
                compound.classes.append(name)
            case "#":
                scanner.advance()
                guard let name = scanner.identifier() else { throw Failure(message: "an id must follow \"#\"") }
                compound.attributes.append(.init(name: "id", op: .equals, value: name))
            case "[":
                scanner.advance()
                compound.attributes.append(try attribute(&scanner))
            default:
                guard !isEmpty else {
                    throw Failure(message: "unexpected \"\(next)\" (a selector starts with an element name, *, .class, #id or [attribute])")
                }
                return compound
            }
            isEmpty = false
        }
        return compound
    }

    private static func attribute(_ scanner: inout Scanner) throws -> Selector.AttributeTest {
        scanner.skipSpaces()
        guard let name = scanner.identifier() else { throw Failure(message: "an attribute name must follow \"[\"") }
        scanner.skipSpaces()
        var test = Selector.AttributeTest(name: name.lowercased())
        if scanner.peek == "]" {
            scanner.advance()
            return test
        }
        let op: Selector.AttributeTest.Operator
        switch scanner.peek {
        case "=":
            op = .equals
        case "~", "^", "$", "*":
            let first = scanner.peek!
            scanner.advance()
            guard scanner.peek == "=" else { throw Failure(message: "\"\(first)\" must be followed by \"=\" in [\(name)…]") }
            op = Selector.AttributeTest.Operator(rawValue: "\(first)=")!
        default:
            throw Failure(message: "expected \"]\", \"=\", \"~=\", \"^=\", \"$=\" or \"*=\" after [\(name)")
        }
        scanner.advance()
        scanner.skipSpaces()
        test.op = op
        test.value = try value(&scanner, attribute: name)
        scanner.skipSpaces()
        guard scanner.peek == "]" else { throw Failure(message: "expected \"]\" to close [\(name)…") }
        scanner.advance()
        return test
    }

    private static func value(_ scanner: inout Scanner, attribute: String) throws -> String {
        if let quote = scanner.peek, quote == "\"" || quote == "'" {
            scanner.advance()
            var text = String.UnicodeScalarView()
            while let next = scanner.peek, next != quote {
                text.append(next)
                scanner.advance()
            }
            guard scanner.peek == quote else { throw Failure(message: "the quoted value of [\(attribute)…] is not closed") }
            scanner.advance()
            return String(text)
        }
        var text = String.UnicodeScalarView()
        while let next = scanner.peek, next != "]", next != "\"", next != "'", !next.isHTMLSpace {
            text.append(next)
            scanner.advance()
        }
        guard !text.isEmpty else { throw Failure(message: "a value must follow the operator in [\(attribute)…] (quote an empty one: \"\")") }
        return String(text)
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { index >= scalars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : scalars[index] }
        mutating func advance() { index += 1 }

        @discardableResult
        mutating func skipSpaces() -> Bool {
            let start = index
            while let next = peek, next.isHTMLSpace { advance() }
            return index > start
        }

        /// Letters, digits, `-`, `_` and anything beyond ASCII (CSS's
        /// identifier characters, without escapes).
        mutating func identifier() -> String? {
            var text = String.UnicodeScalarView()
            while let next = peek, Self.isIdentifierScalar(next) {
                text.append(next)
                advance()
            }
            return text.isEmpty ? nil : String(text)
        }

        static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return true
            default: return !scalar.isASCII
            }
        }
    }
}
