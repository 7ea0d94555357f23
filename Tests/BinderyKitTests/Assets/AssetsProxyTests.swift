import XCTest
@testable import BinderyKit

final class AssetsProxyTests: XCTestCase {
    private func origin(_ text: String, _ proxies: [ImageProxy] = ImageProxy.common) -> String? {
        URL(string: text).flatMap { proxies.origin(of: $0) }?.absoluteString
    }

    func testWeservWithAndWithoutSlashBeforeQuery() {
        XCTAssertEqual(origin("https://images.weserv.nl?url=gdb.voanews.com/01000000/photo.jpg"),
                       "https://gdb.voanews.com/01000000/photo.jpg")
        XCTAssertEqual(origin("https://images.weserv.nl/?url=ichef.bbci.co.uk/news/1024/x.jpg"),
                       "https://ichef.bbci.co.uk/news/1024/x.jpg")
        XCTAssertEqual(origin("https://wsrv.nl/?url=example.com/a.png"), "https://example.com/a.png")
    }

    func testWeservInnerQueryKeptAndProxyParametersCut() {
        XCTAssertEqual(origin("https://images.weserv.nl/?url=host.com/img.php?id=3&size=l&w=800&output=webp"),
                       "https://host.com/img.php?id=3&size=l")
        XCTAssertEqual(origin("https://images.weserv.nl/?url=host.com/a.jpg&w=800"), "https://host.com/a.jpg")
        XCTAssertEqual(origin("https://images.weserv.nl/?w=300&url=host.com/a.jpg"), "https://host.com/a.jpg")
    }

    func testWeservInnerSchemesAndEncoding() {
        XCTAssertEqual(origin("https://images.weserv.nl/?url=http://host.com/a.jpg"), "http://host.com/a.jpg")
        XCTAssertEqual(origin("https://images.weserv.nl/?url=ssl:host.com/a.jpg"), "https://host.com/a.jpg")
        XCTAssertEqual(origin("https://images.weserv.nl/?url=https%3A%2F%2Fhost.com%2Fa.jpg%3Fx%3D1&w=5"),
                       "https://host.com/a.jpg?x=1")
        // Inner URL without scheme takes the proxy's scheme.
        XCTAssertEqual(origin("http://images.weserv.nl/?url=host.com/a.jpg"), "http://host.com/a.jpg")
    }

    func testJetpackPhoton() {
        XCTAssertEqual(origin("https://i0.wp.com/blog.example.org/wp-content/uploads/a.jpg?resize=800%2C600&ssl=1"),
                       "https://blog.example.org/wp-content/uploads/a.jpg")
        XCTAssertNil(origin("https://i0.wp.com/"))
    }

    func testNotAProxy() {
        XCTAssertNil(origin("https://example.com/?url=host.com/a.jpg"))
        XCTAssertNil(origin("https://images.weserv.nl/?w=3"))
        XCTAssertNil(origin("https://notimages.weserv.nl.evil.com/?url=host.com/a.jpg"))
    }

    func testConfiguredProxyWithPort() {
        let proxies = [ImageProxy(host: "127.0.0.1:8080", style: .queryParameter)]
        XCTAssertEqual(origin("http://127.0.0.1:8080/proxy?url=127.0.0.1:8080/img.jpg", proxies), "http://127.0.0.1:8080/img.jpg")
        XCTAssertNil(origin("http://127.0.0.1:9090/proxy?url=127.0.0.1:8080/img.jpg", proxies))
    }
}
