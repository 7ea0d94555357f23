import XCTest
@testable import BinderyKit

final class AssetsSniffingTests: XCTestCase {
    func testSniffsEachRasterTypeFromBytes() {
        XCTAssertEqual(ImageType.sniff(AssetsFixtures.jpeg(width: 1, height: 1)), .jpeg)
        XCTAssertEqual(ImageType.sniff(AssetsFixtures.png(width: 1, height: 1)), .png)
        XCTAssertEqual(ImageType.sniff(AssetsFixtures.gif(width: 1, height: 1)), .gif)
        XCTAssertEqual(ImageType.sniff(AssetsFixtures.webp(width: 1, height: 1)), .webp)
        XCTAssertEqual(ImageType.sniff(Data("GIF87a\u{1}\0\u{1}\0".utf8)), .gif)
    }

    func testRejectsTextHTMLAndTruncatedSignatures() {
        XCTAssertNil(ImageType.sniff(Data()))
        XCTAssertNil(ImageType.sniff(Data("<!DOCTYPE html><html><body>Not found</body></html>".utf8)))
        XCTAssertNil(ImageType.sniff(Data("just text".utf8)))
        XCTAssertNil(ImageType.sniff(Data([0xFF, 0xD8])))
        XCTAssertNil(ImageType.sniff(Data([0x89, 0x50, 0x4E, 0x47])))
        XCTAssertNil(ImageType.sniff(Data("RIFF\0\0\0\0WAVEfmt ".utf8)))
    }

    func testSafeSVGIsAccepted() {
        XCTAssertEqual(ImageType.sniff(AssetsFixtures.safeSVG), .svg)
        XCTAssertEqual(ImageType.sniff(Data("\u{FEFF}<!-- c --><!DOCTYPE svg><svg width='1'/>".utf8)), .svg)
    }

    func testUnsafeSVGIsRefused() {
        let unsafe = [
            "<svg><script>alert(1)</script></svg>",
            "<svg onload='alert(1)'></svg>",
            "<svg/onload=alert(1)></svg>",
            "<svg><rect x=\"1\"onclick=\"x()\"/></svg>",
            "<svg><foreignObject><p>html</p></foreignObject></svg>",
            "<svg><image href='https://example.com/a.png'/></svg>",
            "<svg><use xlink:href=\"other.svg#a\"/></svg>",
            "<svg><rect fill='url(https://example.com/p.svg#g)'/></svg>",
            "<svg><style>@import 'https://example.com/x.css';</style></svg>",
            "<svg><a href='javascript:alert(1)'>x</a></svg>",
            "<?xml-stylesheet href='x.css'?><svg></svg>",
            "<!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><svg>&x;</svg>",
        ]
        for text in unsafe {
            XCTAssertNil(ImageType.sniff(Data(text.utf8)), text)
        }
    }

    func testSVGMustBeTheRootElement() {
        XCTAssertNil(ImageType.sniff(Data("<html><svg></svg></html>".utf8)))
        XCTAssertNil(ImageType.sniff(Data("<svgx></svgx>".utf8)))
        XCTAssertNil(ImageType.sniff(Data([0x3C, 0x73, 0x76, 0x67, 0x20, 0xFF, 0xFE, 0x3E])), "invalid UTF-8")
    }

    func testDimensionsFromHeaders() {
        XCTAssertEqual(ImageDimensions.read(AssetsFixtures.png(width: 640, height: 480)), ImageDimensions(width: 640, height: 480))
        XCTAssertEqual(ImageDimensions.read(AssetsFixtures.jpeg(width: 1200, height: 800)), ImageDimensions(width: 1200, height: 800))
        XCTAssertEqual(ImageDimensions.read(AssetsFixtures.gif(width: 300, height: 2)), ImageDimensions(width: 300, height: 2))
        XCTAssertEqual(ImageDimensions.read(AssetsFixtures.webp(width: 4000, height: 3000)), ImageDimensions(width: 4000, height: 3000))
        XCTAssertNil(ImageDimensions.read(AssetsFixtures.safeSVG))
    }

    func testWebPLossyAndLosslessDimensions() {
        // VP8: frame tag (3 bytes), start code 9D 01 2A, 14-bit width and height.
        var lossy = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array("VP8 ".utf8) + [0, 0, 0, 0]
        lossy += [0, 0, 0, 0x9D, 0x01, 0x2A] + AssetsFixtures.le16(320) + AssetsFixtures.le16(240)
        XCTAssertEqual(ImageDimensions.read(Data(lossy)), ImageDimensions(width: 320, height: 240))
        // VP8L: 0x2F, then (width-1) in 14 bits and (height-1) in the next 14.
        let bits = UInt32(99) | UInt32(49) << 14
        var lossless = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array("VP8L".utf8) + [0, 0, 0, 0]
        lossless += [0x2F, UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24 & 0xFF), 0]
        XCTAssertEqual(ImageDimensions.read(Data(lossless)), ImageDimensions(width: 100, height: 50))
    }

    func testTruncatedHeadersGiveNoDimensions() {
        XCTAssertNil(ImageDimensions.read(AssetsFixtures.png(width: 10, height: 10).prefix(20)))
        XCTAssertNil(ImageDimensions.read(Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A])))
        XCTAssertNil(ImageDimensions.read(AssetsFixtures.png(width: 0, height: 10)))
    }
}
