import XCTest

/// The epubcheck helper must count what epubcheck reports, or the
/// "0 errors, 0 warnings" assertions would pass vacuously.
final class EPUBCheckReportTests: XCTestCase {
    func testCountsErrorsWarningsAndFatalsFromTheJSONReport() throws {
        let json = """
        Validating using EPUB version 3.2 rules.
        {"messages":[
          {"ID":"RSC-005","severity":"ERROR","message":"Error while parsing file","locations":[{"path":"EPUB/nav.xhtml","line":3,"column":7}]},
          {"ID":"CSS-008","severity":"WARNING","message":"An error occurred while parsing the CSS","locations":[]}
        ],"checker":{"nFatal":1,"nError":2,"nWarning":1,"checkerVersion":"4.2.6"}}
        """
        let result = try EPUBCheck.parse(Data(json.utf8), stderr: "")
        XCTAssertEqual(result.errors, 3)
        XCTAssertEqual(result.warnings, 1)
        XCTAssertEqual(result.messages.map(\.id), ["RSC-005", "CSS-008"])
        XCTAssertTrue(result.report.contains("EPUB/nav.xhtml:3:7"), result.report)
    }

    func testRejectsOutputWithoutAReport() {
        XCTAssertThrowsError(try EPUBCheck.parse(Data("Exception in thread main".utf8), stderr: "boom"))
    }
}
