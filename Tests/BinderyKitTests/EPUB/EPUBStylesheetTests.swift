import XCTest
@testable import BinderyKit

final class EPUBStylesheetTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEmbeddedStylesheetMatchesStylesBinderyCSS() throws {
        let source = try String(contentsOf: Self.repository.appendingPathComponent("Styles/bindery.css"), encoding: .utf8)
        // A multi-line string literal drops the newline before its closing delimiter.
        XCTAssertTrue(DefaultStylesheet.css + "\n" == source,
                      "Styles/bindery.css and DefaultStylesheet.swift differ: run Styles/embed.sh")
    }

    /// e-ink and dark mode: the reader picks text and background colours.
    func testStylesheetSetsNoColours() {
        let declarations = DefaultStylesheet.css.split(separator: ";").map { $0.lowercased() }
        for declaration in declarations {
            for property in ["color:", "background:", "background-color:"] where declaration.contains(property) {
                let value = declaration.components(separatedBy: property).last ?? ""
                XCTAssertTrue(value.contains("inherit") || value.contains("currentcolor"), "colour set: \(declaration)")
            }
            XCTAssertFalse(declaration.contains("#") && declaration.contains("color"), declaration)
        }
    }
}
