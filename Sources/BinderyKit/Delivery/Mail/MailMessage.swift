import Foundation

/// An e-mail carrying one book (RFC 5322 + MIME, RFC 2045–2049): a short
/// text part and the EPUB as an `application/epub+zip` attachment in
/// base64, lines of 76 characters. The attachment is read from the file as
/// the message is sent, never held whole in memory.
struct MailMessage {
    var from: String
    var to: [String]
    var subject: String
    var text: String
    var attachment: URL
    /// The attachment's name as the recipient sees it.
    var fileName: String
    var date: Date
    /// Random per message: the boundary must not occur in the content, and
    /// Message-ID must be unique.
    var token: String = (0..<4).map { _ in String(UInt32.random(in: 0...UInt32.max), radix: 16) }.joined()

    static let mediaType = "application/epub+zip"

    var boundary: String { "=_bindery_" + token }

    /// Everything before the attachment's base64 lines.
    func head() -> Data {
        let domain = from.split(separator: "@").last.map(String.init) ?? "bindery.invalid"
        var lines = [
            "Date: " + Self.date(date),
            "From: <\(from)>",
            "To: " + to.map { "<\($0)>" }.joined(separator: ",\r\n "),
            "Subject: " + MIMEHeaderText.unstructured(subject),
            "Message-ID: <\(token)@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed;\r\n boundary=\"\(boundary)\"",
            "",
            "This is a multipart message in MIME format.",
            "--" + boundary,
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
        ]
        var head = Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
        head.append(Self.base64Lines(Data(text.utf8)))
        lines = [
            "--" + boundary,
            "Content-Type: \(Self.mediaType)" + MIMEHeaderText.parameter("name", fileName),
            "Content-Disposition: attachment" + MIMEHeaderText.parameter("filename", fileName),
            "Content-Transfer-Encoding: base64",
            "",
        ]
        head.append(Data((lines.joined(separator: "\r\n") + "\r\n").utf8))
        return head
    }

    /// After the attachment's lines: the closing boundary.
    func tail() -> Data { Data(("--" + boundary + "--\r\n").utf8) }

    /// `data` in base64, CRLF after every 76 characters and at the end
    /// (RFC 2045 §6.8: lines of at most 76 characters).
    static func base64Lines(_ data: Data) -> Data {
        let encoded = data.base64EncodedData()
        var out = Data(capacity: encoded.count + encoded.count / 76 * 2 + 2)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = min(index + 76, encoded.endIndex)
            out.append(encoded[index..<end])
            out.append(contentsOf: [0x0D, 0x0A])
            index = end
        }
        return out
    }

    /// RFC 5322 §3.3 date-time in UTC: `Sat, 05 Dec 2026 04:50:00 +0000`.
    static func date(_ date: Date) -> String {
        String(HTTPDate.format(date).dropLast(4)) + " +0000"
    }
}

/// The message as bytes for libcurl to pull: head, attachment in base64
/// (57 input bytes per 76-character line, read from the file in blocks),
/// tail.
final class MailMessageStream {
    private var pending = Data()
    private var pendingOffset = 0
    private let file: FileHandle
    private var fileDone = false
    private var tailSent = false
    private let tail: Data
    /// Bytes handed to libcurl so far.
    private(set) var bytesProduced: Int64 = 0

    /// 57 × 1024 bytes: a whole number of 76-character lines.
    static let block = 57 * 1024

    init(_ message: MailMessage) throws {
        file = try FileHandle(forReadingFrom: message.attachment)
        pending = message.head()
        tail = message.tail()
    }

    deinit { try? file.close() }

    /// Fills `buffer` with the next bytes; 0 at the end of the message.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while pendingOffset == pending.count {
            guard refill() else { return 0 }
        }
        let count = min(buffer.count, pending.count - pendingOffset)
        pending.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + pendingOffset, byteCount: count)
        }
        pendingOffset += count
        bytesProduced += Int64(count)
        return count
    }

    private func refill() -> Bool {
        pendingOffset = 0
        if !fileDone {
            let chunk = file.readData(ofLength: Self.block)
            if chunk.isEmpty {
                fileDone = true
            } else {
                pending = MailMessage.base64Lines(chunk)
                return true
            }
        }
        guard !tailSent else { return false }
        tailSent = true
        pending = tail
        return true
    }
}
