/// WordPress feeds (and Yoast's feed footer) end items with
/// `The post TITLE appeared first on SITE.` — both names linked; the
/// Chinese-language WordPress says `TITLE最先出现在SITE。`. As the last line
/// of the body, with its links, it goes.
struct DropAppearedFirstOn: LineRecognizer {
    /// In UTF-8 bytes.
    static let maximumLength = 1200
    static let english = try! TextPattern("^The post .+ appeared first on .+$")
    static let chinese = try! TextPattern("^.+最先出现在.+$")

    var positions: Set<LineRule.Position> { [.end] }

    func recognize(_ line: BodyLine, at position: LineRule.Position) -> (verdict: LineVerdict, rule: String)? {
        guard line.links.count >= 2 || (line.links.count == 1 && line.starts(with: "The post ")),
              line.text.utf8.count <= Self.maximumLength else { return nil }
        if Self.english.matches(line.text) || (line.links.count >= 2 && Self.chinese.matches(line.text)) {
            return (.drop, "DropAppearedFirstOn")
        }
        return nil
    }
}
