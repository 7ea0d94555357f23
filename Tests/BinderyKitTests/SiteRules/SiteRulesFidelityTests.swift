import XCTest
@testable import BinderyKit

/// No article text lost: for every fixture article (the site templates in
/// `Tests/SiteArchive` and the Samples), the text a reader sees after
/// cleaning with the site and boilerplate rules is the text seen without
/// them, minus exactly what the rules name — the text they report removed,
/// the credits they moved to closing lines and the titles players took.
final class SiteRulesFidelityTests: XCTestCase {
    func testSiteArchiveLosesOnlyWhatTheRulesName() throws {
        let changed = try assertFidelity(of: SiteRulesTestSupport.siteArchive)
        XCTAssertEqual(changed, 8, "every body template of the site fixtures (the other five change only titles and bylines)")
    }

    func testSamplesLoseOnlyWhatTheRulesName() throws {
        let changed = try assertFidelity(of: ExportSamplesFixture.samples)
        XCTAssertEqual(changed, 1, "only the boilerplate sample changes")
    }

    /// Returns how many articles the rules changed.
    private func assertFidelity(of folder: URL, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let reader = ArchiveReader()
        let scan = reader.scan([folder])
        XCTAssertFalse(scan.articles.isEmpty, file: file, line: line)
        let baseline = ArticleCleaner(siteRules: .none, boilerplateRules: false)
        var changed = 0
        for raw in scan.articles {
            let html = try reader.loadBody(of: raw)
            let name = raw.origin.displayName
            let before = text(of: baseline.clean(raw, html: html).0.body)
            let cleaned = ArticleCleaner().clean(SiteRules.builtIn.annotate(raw), html: html).0
            let after = text(of: cleaned.body)
            var named = cleaned.removed.map(\.text) + cleaned.credits
            ContentWalker.walk(cleaned.body, blocks: { block in
                if case .embed(let embed) = block, let title = embed.title { named.append(title) }
                return .descend
            })
            var rest = before
            for piece in named {
                let stripped = ExportSamplesFixture.withoutWhitespace(piece)
                guard let range = rest.range(of: stripped) else {
                    XCTFail("\(name): the rules name text the article did not show: \(piece)", file: file, line: line)
                    continue
                }
                rest.removeSubrange(range)
            }
            XCTAssertEqual(rest, after, "\(name): text lost or added beyond what the rules name", file: file, line: line)
            if before != after { changed += 1 }
        }
        return changed
    }

    /// The body's visible text runs, without white space.
    private func text(of body: [Block]) -> String {
        ExportSamplesFixture.textRuns(body).joined()
    }
}
