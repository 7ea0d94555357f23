import Foundation

/// A regular expression from a rule file (ICU syntax, as
/// `NSRegularExpression` reads it), matched against one-line text: a title,
/// a byline, a line of an article with its white space collapsed.
///
/// `NSRegularExpression` is immutable and documented as safe to share
/// between threads, hence the unchecked `Sendable`.
public struct TextPattern: @unchecked Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written, for messages and reports.
    public let source: String
    private let expression: NSRegularExpression

    /// - Throws: the compiler's complaint, in words.
    public init(_ source: String) throws {
        guard !source.isEmpty else { throw Failure(message: "empty pattern") }
        do {
            expression = try NSRegularExpression(pattern: source, options: [])
        } catch {
            throw Failure(message: "not a valid regular expression: \(source)")
        }
        self.source = source
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public var description: String { source }

    public static func == (a: TextPattern, b: TextPattern) -> Bool { a.source == b.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// The first match in `text`: its range and its capture groups (a group
    /// that did not take part is `nil`).
    public func firstMatch(in text: String) -> (range: Range<String.Index>, groups: [String?])? {
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        guard let match = expression.firstMatch(in: text, options: [], range: whole),
              let range = Range(match.range, in: text) else { return nil }
        var groups: [String?] = []
        if match.numberOfRanges > 1 {
            for index in 1..<match.numberOfRanges {
                groups.append(Range(match.range(at: index), in: text).map { String(text[$0]) })
            }
        }
        return (range, groups)
    }

    public func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, options: [], range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
    }
}
