@testable import BinderyKit

/// Reads a note's Markdown as a CommonMark reader would, far enough to find
/// what it would make of the text: backslash escapes resolved, code kept as
/// written, and every piece of syntax that is not text — raw HTML, autolinks,
/// link and image destinations — looked at.
///
/// What Bindery may write as syntax: the inline HTML elements of the styles
/// Markdown has no delimiter for, links and autolinks to the web or mail,
/// and pictures from the vault's attachments folder. Anything else that
/// reads as syntax (a `<script>`, a `javascript:` link, a remote picture)
/// is a problem, and means text was not escaped.
struct MarkdownChecks {
    static let inlineHTML: Set<String> = ["em", "strong", "del", "u", "sup", "sub", "small", "mark", "q", "br"]
    static let linkSchemes: Set<String> = ["http", "https", "mailto", "ftp"]

    let attachmentsFolder: String

    /// The problems of `markdown`, and its text as a reader sees it.
    func check(_ markdown: String) -> (problems: [String], text: String) {
        var scanner = Scanner(attachmentsFolder: attachmentsFolder)
        var prose: [String] = []
        var fence: (character: Unicode.Scalar, length: Int)?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let marker = Self.fenceMarker(line)
            if let open = fence {
                if let marker, marker.character == open.character, marker.length >= open.length, marker.isBare {
                    fence = nil
                } else {
                    scanner.text += line + "\n"
                }
                continue
            }
            if let marker, marker.character == "`" || marker.character == "~" {
                scanner.scan(prose.joined(separator: "\n"))
                prose = []
                fence = (marker.character, marker.length)
                continue
            }
            prose.append(String(line))
        }
        scanner.scan(prose.joined(separator: "\n"))
        return (scanner.problems, scanner.text)
    }

    /// A code fence at the start of `line`, after container prefixes (quote
    /// marks, list markers, indentation).
    private static func fenceMarker(_ line: Substring) -> (character: Unicode.Scalar, length: Int, isBare: Bool)? {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == " " || scalars[i] == ">" {
                i += 1
            } else if "-*+".unicodeScalars.contains(scalars[i]), i + 1 < scalars.count, scalars[i + 1] == " " {
                i += 2
            } else if scalars[i].isASCIIDigit {
                var j = i
                while j < scalars.count, scalars[j].isASCIIDigit { j += 1 }
                guard j + 1 < scalars.count, scalars[j] == "." || scalars[j] == ")", scalars[j + 1] == " " else { break }
                i = j + 2
            } else {
                break
            }
        }
        guard i < scalars.count, scalars[i] == "`" || scalars[i] == "~" else { return nil }
        let character = scalars[i]
        var length = 0
        while i + length < scalars.count, scalars[i + length] == character { length += 1 }
        guard length >= 3 else { return nil }
        let rest = scalars[(i + length)...]
        if character == "`", rest.contains("`") { return nil }
        return (character, length, rest.allSatisfy { $0 == " " })
    }

    private struct Scanner {
        let attachmentsFolder: String
        var text = ""
        var problems: [String] = []

        /// Inline syntax of one stretch of prose (paragraphs, lists, quotes, tables).
        mutating func scan(_ prose: String) {
            let s = Array(prose.unicodeScalars)
            var out = String.UnicodeScalarView()
            var openers: [(index: Int, isImage: Bool)] = []
            var i = 0
            while i < s.count {
                let c = s[i]
                if c == "\\", i + 1 < s.count, s[i + 1].isASCIIPunctuation {
                    out.append(s[i + 1])
                    i += 2
                    continue
                }
                if c == "`" {
                    var n = 0
                    while i + n < s.count, s[i + n] == "`" { n += 1 }
                    if let close = Self.closingBackticks(s, from: i + n, length: n) {
                        // A code span: as written, but for the `\|` a table cell needs (GFM §4.10).
                        var k = i + n
                        while k < close {
                            if s[k] == "\\", k + 1 < close, s[k + 1] == "|" { k += 1 }
                            out.append(s[k])
                            k += 1
                        }
                        i = close + n
                    } else {
                        out.append(contentsOf: s[i..<(i + n)])
                        i += n
                    }
                    continue
                }
                if c == "<", i + 1 < s.count, s[i + 1].isASCIILetter || s[i + 1] == "/" || s[i + 1] == "!" || s[i + 1] == "?" {
                    let end = s[(i + 1)...].firstIndex(of: ">") ?? s.count
                    let inner = String(String.UnicodeScalarView(s[(i + 1)..<end]))
                    if let url = autolink(inner) {
                        out.append(contentsOf: url.unicodeScalars)
                    } else if !Self.isAllowedTag(inner) {
                        problems.append("Markdown holds raw HTML <\(inner.prefix(80))>")
                    }
                    i = min(s.count, end + 1)
                    continue
                }
                if c == "[" {
                    openers.append((i, i > 0 && s[i - 1] == "!" && !(i > 1 && s[i - 2] == "\\")))
                } else if c == "]", let opener = openers.popLast(), i + 1 < s.count, s[i + 1] == "(" {
                    let (destination, end) = Self.destination(s, from: i + 2)
                    checkDestination(destination, isImage: opener.isImage)
                    i = end
                    continue
                }
                out.append(c)
                i += 1
            }
            text += String(out) + "\n"
        }

        /// Where a run of exactly `length` backticks starts after `from`.
        static func closingBackticks(_ s: [Unicode.Scalar], from: Int, length: Int) -> Int? {
            var k = from
            while k < s.count {
                guard s[k] == "`" else {
                    k += 1
                    continue
                }
                var n = 0
                while k + n < s.count, s[k + n] == "`" { n += 1 }
                if n == length { return k }
                k += n
            }
            return nil
        }

        static func isAllowedTag(_ inner: String) -> Bool {
            let name = inner.hasPrefix("/") ? String(inner.dropFirst()) : inner
            return MarkdownChecks.inlineHTML.contains(name)
        }

        /// `<scheme:…>`: an autolink (§6.5) if it is one; a disallowed
        /// scheme is a problem.
        mutating func autolink(_ inner: String) -> String? {
            guard let scheme = URIScheme.of(inner), scheme.count >= 2,
                  !inner.unicodeScalars.contains(where: { $0.value <= 0x20 || $0 == "<" }) else { return nil }
            if !MarkdownChecks.linkSchemes.contains(scheme) { problems.append("Markdown autolink to \(inner)") }
            return inner
        }

        /// A link destination (§6.3) starting at `from`: bare or in `<…>`,
        /// up to the closing `)`.
        static func destination(_ s: [Unicode.Scalar], from: Int) -> (String, Int) {
            var i = from
            var out = String.UnicodeScalarView()
            if i < s.count, s[i] == "<" {
                i += 1
                while i < s.count, s[i] != ">" {
                    if s[i] == "\\", i + 1 < s.count, s[i + 1].isASCIIPunctuation { i += 1 }
                    out.append(s[i])
                    i += 1
                }
                i += 1
            } else {
                var depth = 0
                while i < s.count, s[i].value > 0x20 {
                    if s[i] == "\\", i + 1 < s.count, s[i + 1].isASCIIPunctuation {
                        out.append(s[i + 1])
                        i += 2
                        continue
                    }
                    if s[i] == "(" { depth += 1 }
                    if s[i] == ")" {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    out.append(s[i])
                    i += 1
                }
            }
            while i < s.count, s[i] != ")" { i += 1 }
            return (String(out), min(s.count, i + 1))
        }

        mutating func checkDestination(_ destination: String, isImage: Bool) {
            if isImage {
                let file = destination.hasPrefix(attachmentsFolder + "/") ? destination.dropFirst(attachmentsFolder.count + 1) : nil
                if file == nil || file!.isEmpty || file!.contains("/") || file!.contains("..") {
                    problems.append("Markdown picture not from the attachments folder: \(destination)")
                }
            } else if !MarkdownChecks.linkSchemes.contains(URIScheme.of(destination) ?? "") {
                problems.append("Markdown link to \(destination)")
            }
        }
    }
}
