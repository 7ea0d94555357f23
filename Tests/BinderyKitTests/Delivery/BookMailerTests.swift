import Foundation
import XCTest
@testable import BinderyKit

/// `bindery send` against a real SMTP server on loopback (aiosmtpd with
/// STARTTLS, implicit TLS or none, AUTH, a certificate made by the test).
final class BookMailerTests: XCTestCase {
    /// Long enough that its RFC 2231 name needs continuations.
    static let chineseName = "新闻周报 2024年第3周 · 港口与岛屿的长篇报道合集.epub"

    private func book(_ folder: TestFolder, name: String = chineseName) throws -> URL {
        let url = folder.file(name)
        try DeliveryFixtures.samplesBook(at: url)
        return url
    }

    private func settings(_ server: LoopbackSMTPServer, scheme: String = "smtp", password: String = "pa55 word",
                          trustingTestCA: Bool = true) -> MailSettings {
        MailSettings(serverURL: "\(scheme)://127.0.0.1:\(server.port)", user: "reader", password: password,
                     from: "me@example.org", to: ["reader@kindle.example.com"], caFile: trustingTestCA ? server.caFile : nil)
    }

    /// What Python's email package makes of a received message.
    static let reader = #"""
    import email, email.policy, json, sys
    raw = open(sys.argv[1], "rb").read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    parts = []
    for part in message.iter_attachments():
        payload = part.get_payload(decode=True)
        open(sys.argv[2], "wb").write(payload)
        parts.append({"filename": part.get_filename(), "type": part.get_content_type(),
                      "encoding": part.get("Content-Transfer-Encoding")})
    body = message.get_body(preferencelist=("plain",))
    lines = raw.split(b"\r\n")
    print(json.dumps({"subject": str(message["subject"]), "from": str(message["from"]), "to": str(message["to"]),
                      "attachments": parts, "text": body.get_content() if body else None,
                      "longest_line": max(len(l) for l in lines), "bare_lf": b"\n" in raw.replace(b"\r\n", b""),
                      "defects": [str(d) for d in message.defects]}))
    """#

    struct Received: Decodable {
        struct Attachment: Decodable { var filename: String?; var type: String; var encoding: String? }
        var subject: String
        var from: String
        var to: String
        var attachments: [Attachment]
        var text: String?
        var longest_line: Int
        var bare_lf: Bool
        var defects: [String]
    }

    private func parse(_ message: URL, attachmentTo: URL) throws -> Received {
        let python = try TestPeers.python(with: ["email"])
        let result = try TestPeers.runPython(python, Self.reader, [message.path, attachmentTo.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONDecoder().decode(Received.self, from: result.stdout)
    }

    func testTheBookArrivesOverSTARTTLSWithItsChineseNameAndSameBytes() throws {
        let server = try LoopbackSMTPServer(.starttls)
        let folder = try TestFolder()
        let book = try book(folder)
        let receipt = try BookMailer.send(book, settings: settings(server))
        XCTAssertEqual(server.messages.count, 1)
        let received = try parse(try XCTUnwrap(server.messages.first), attachmentTo: folder.file("decoded.epub"))
        XCTAssertEqual(received.attachments.count, 1)
        XCTAssertEqual(received.attachments.first?.filename, Self.chineseName)
        XCTAssertEqual(received.attachments.first?.type, "application/epub+zip")
        XCTAssertEqual(received.attachments.first?.encoding, "base64")
        XCTAssertEqual(try Data(contentsOf: folder.file("decoded.epub")), try Data(contentsOf: book))
        XCTAssertEqual(received.subject, receipt.title)
        XCTAssertTrue(received.subject.hasPrefix("新闻"), received.subject)
        XCTAssertTrue(received.text?.contains(receipt.title) ?? false)
        XCTAssertEqual(received.from, "me@example.org")
        XCTAssertEqual(received.to, "reader@kindle.example.com")
        XCTAssertLessThanOrEqual(received.longest_line, 78)
        XCTAssertFalse(received.bare_lf)
        XCTAssertEqual(received.defects, [])
        let envelope = try String(contentsOf: server.messages[0].appendingPathExtension("envelope"), encoding: .utf8)
        XCTAssertEqual(envelope, "me@example.org\nreader@kindle.example.com\n")
        // Every base64 line of the attachment is at most 76 characters.
        let raw = try String(contentsOf: server.messages[0], encoding: .utf8)
        let base64Lines = raw.components(separatedBy: "\r\n").filter { $0.count > 60 && !$0.contains(" ") && !$0.contains(":") }
        XCTAssertFalse(base64Lines.isEmpty)
        XCTAssertTrue(base64Lines.allSatisfy { $0.count <= 76 })
    }

    func testImplicitTLSWorksToo() throws {
        let server = try LoopbackSMTPServer(.implicit)
        let folder = try TestFolder()
        let book = try book(folder, name: "plain.epub")
        _ = try BookMailer.send(book, settings: settings(server, scheme: "smtps"))
        let received = try parse(try XCTUnwrap(server.messages.first), attachmentTo: folder.file("decoded.epub"))
        XCTAssertEqual(received.attachments.first?.filename, "plain.epub")
        XCTAssertEqual(try Data(contentsOf: folder.file("decoded.epub")), try Data(contentsOf: book))
    }

    func testAWrongPasswordIsAnAuthenticationErrorAndNothingArrives() throws {
        let server = try LoopbackSMTPServer(.starttls)
        let folder = try TestFolder()
        XCTAssertThrowsError(try BookMailer.send(try book(folder), settings: settings(server, password: "wrong"))) { error in
            guard case MailError.authentication(_, let user, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(user, "reader")
            XCTAssertTrue("\(error)".contains("refused the login of reader"), "\(error)")
        }
        XCTAssertEqual(server.messages, [])
    }

    func testAServerWithoutTLSIsRefusedBeforeAnythingIsSent() throws {
        let server = try LoopbackSMTPServer(.plain)
        let folder = try TestFolder()
        XCTAssertThrowsError(try BookMailer.send(try book(folder), settings: settings(server))) { error in
            guard case MailError.tls = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("STARTTLS"), "\(error)")
        }
        XCTAssertEqual(server.messages, [])
    }

    func testAnUntrustedCertificateIsATLSError() throws {
        let server = try LoopbackSMTPServer(.starttls)
        let folder = try TestFolder()
        // Only the system's authorities: the test's own is not among them.
        XCTAssertThrowsError(try BookMailer.send(try book(folder), settings: settings(server, trustingTestCA: false))) { error in
            guard case MailError.tls = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(server.messages, [])
    }

    func testNoServerIsAConnectionError() throws {
        let folder = try TestFolder()
        // A port nothing listens on: bind one, then close it.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length); return getsockname(fd, $0, &length) }
        }
        close(fd)
        let settings = MailSettings(serverURL: "smtp://127.0.0.1:\(UInt16(bigEndian: address.sin_port))", user: "u", password: "p",
                                    from: "me@example.org", to: ["you@example.org"])
        XCTAssertThrowsError(try BookMailer.send(try book(folder), settings: settings)) { error in
            guard case MailError.connection = error else { return XCTFail("\(error)") }
        }
    }

    func testBooksOverTheLimitAreRefusedBeforeConnecting() throws {
        let folder = try TestFolder()
        let book = try book(folder)
        // No server at all: the size check comes first.
        let settings = MailSettings(serverURL: "smtp://192.0.2.1:1", user: nil, password: nil, from: "me@example.org", to: ["k@kindle.com"])
        XCTAssertThrowsError(try BookMailer.send(book, settings: settings, limit: 1000)) { error in
            guard case MailError.book(_, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("--max-size"), reason)
        }
        XCTAssertThrowsError(try BookMailer.send(book, settings: MailSettings(
            serverURL: "http://x", user: nil, password: nil, from: "me@example.org", to: ["k@kindle.com"]))) { error in
            guard case MailError.settings = error else { return XCTFail("\(error)") }
        }
    }
}
