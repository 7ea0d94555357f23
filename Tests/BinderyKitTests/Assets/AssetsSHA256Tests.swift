import XCTest
@testable import BinderyKit

/// Test vectors from FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional").
final class AssetsSHA256Tests: XCTestCase {
    func testEmptyMessage() {
        XCTAssertEqual(SHA256.hexDigest(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testABC() {
        XCTAssertEqual(SHA256.hexDigest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testTwoBlockMessage448Bits() {
        XCTAssertEqual(SHA256.hexDigest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testMillionAs() {
        XCTAssertEqual(SHA256.hexDigest(Data(repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testIncrementalUpdatesInOddPiecesEqualOneShot() {
        let message = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var hasher = SHA256()
        var offset = 0
        for size in [1, 63, 64, 65, 3, 200, 604] {
            hasher.update(message[offset..<offset + size])
            offset += size
        }
        XCTAssertEqual(offset, message.count)
        XCTAssertEqual(hasher.finalize(), SHA256.digest(message))
    }

    func testPaddingBoundaries() {
        // 55 and 56 bytes straddle the one-block/two-block padding boundary.
        XCTAssertEqual(SHA256.hexDigest(String(repeating: "a", count: 55)),
                       "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(SHA256.hexDigest(String(repeating: "a", count: 56)),
                       "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    }
}
