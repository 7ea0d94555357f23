import XCTest
@testable import BinderyKit

final class WebURLHostAndPathTests: XCTestCase {
    func testHostAndPathOfWebURLs() {
        XCTAssertEqual(WebURL.hostAndPath("https://WWW.RFI.fr/cn/%E4%B8%AD?x=1#y")?.host, "www.rfi.fr")
        XCTAssertEqual(WebURL.hostAndPath("https://WWW.RFI.fr/cn/%E4%B8%AD?x=1#y")?.path, "/cn/%E4%B8%AD")
        XCTAssertEqual(WebURL.hostAndPath("http://user:pw@example.org:8080//a/b")?.host, "example.org")
        XCTAssertEqual(WebURL.hostAndPath("http://user:pw@example.org:8080//a/b")?.path, "//a/b")
        XCTAssertEqual(WebURL.hostAndPath("https://example.org")?.path, "")
        XCTAssertEqual(WebURL.hostAndPath("https://example.org?q")?.host, "example.org")
        for other in ["mailto:a@b.c", "/relative/path", "ftp://example.org/x", "https:/example.org", "https://", "javascript:x"] {
            XCTAssertNil(WebURL.hostAndPath(other), other)
        }
        XCTAssertNil(WebURL.withValidHost("http://"))  // no host: the link goes (this trapped once)

    }
}
