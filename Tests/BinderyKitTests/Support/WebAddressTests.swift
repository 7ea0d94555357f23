import XCTest
@testable import BinderyKit

final class WebAddressTests: XCTestCase {
    func testHostAndPathOfWebURLs() {
        XCTAssertEqual(WebAddress.hostAndPath("https://WWW.RFI.fr/cn/%E4%B8%AD?x=1#y")?.host, "www.rfi.fr")
        XCTAssertEqual(WebAddress.hostAndPath("https://WWW.RFI.fr/cn/%E4%B8%AD?x=1#y")?.path, "/cn/%E4%B8%AD")
        XCTAssertEqual(WebAddress.hostAndPath("http://user:pw@example.org:8080//a/b")?.host, "example.org")
        XCTAssertEqual(WebAddress.hostAndPath("http://user:pw@example.org:8080//a/b")?.path, "//a/b")
        XCTAssertEqual(WebAddress.hostAndPath("https://example.org")?.path, "")
        XCTAssertEqual(WebAddress.hostAndPath("https://example.org?q")?.host, "example.org")
        for other in ["mailto:a@b.c", "/relative/path", "ftp://example.org/x", "https:/example.org", "https://", "javascript:x"] {
            XCTAssertNil(WebAddress.hostAndPath(other), other)
        }
    }
}
