/// A template with an empty field prints it as `null` or `undefined`:
/// `null 李澄欣`. Such words are no one's name and go from the byline (a
/// byline of nothing else goes altogether).
struct DropBylinePlaceholders: HeaderRule {
    static let placeholders: Set<String> = ["null", "undefined", "NULL", "Null", "None", "nil", "NaN"]

    func apply(to article: inout Article, in context: inout HeaderContext) {
        guard let author = article.author else { return }
        let words = author.split(whereSeparator: { $0.isWhitespace })
        guard words.contains(where: { Self.placeholders.contains(String($0).trimmingCharacters(in: Self.punctuation)) }) else { return }
        // Rebuild from the words that are not placeholders, keeping the
        // separators (commas) they carried.
        let kept = words.filter { !Self.placeholders.contains(String($0).trimmingCharacters(in: Self.punctuation)) }
        let byline = kept.joined(separator: " ").trimmingCharacters(in: Self.punctuation.union([" "]))
        article.author = byline.isEmpty ? nil : byline
        context.fired("DropBylinePlaceholders")
    }

    static let punctuation: Set<Character> = [",", "，", "、", ";", "；"]
}
