import FlyingFox
import FlyingSocks
import Foundation

/// A response body streamed from an open file, a buffer at a time: memory
/// stays flat however large the book and however many downloads run.
///
/// The file descriptor, the request's gate permit and its log line live in
/// one `FileStream`; when FlyingFox lets go of the response (sent, or the
/// client went away) the stream closes the file, frees the permit and
/// writes the log line with the bytes actually sent.
struct FileBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let stream: FileStream

    func makeAsyncIterator() -> Iterator { Iterator(stream: stream) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let stream: FileStream

        mutating func next() async throws -> UInt8? {
            try stream.read(upTo: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            try stream.read(upTo: count)
        }
    }

    /// The body for `range` of the open file `fd` (which the stream now owns).
    static func sequence(fd: Int32, range: ClosedRange<Int64>, permit: RequestGate.Permit?,
                         onFinish: @escaping @Sendable (Int64) -> Void) -> HTTPBodySequence {
        let stream = FileStream(fd: fd, range: range, permit: permit, onFinish: onFinish)
        return HTTPBodySequence(from: FileBody(stream: stream), count: Int(range.count), suggestedBufferSize: bufferSize)
    }

    /// 64 KB reads: few system calls, little memory per download.
    static let bufferSize = 64 << 10
}

final class FileStream: @unchecked Sendable {
    private let fd: Int32
    private var offset: Int64
    private let end: Int64
    private var sent: Int64 = 0
    private let permit: RequestGate.Permit?
    private let onFinish: @Sendable (Int64) -> Void
    private let lock = NSLock()

    init(fd: Int32, range: ClosedRange<Int64>, permit: RequestGate.Permit?, onFinish: @escaping @Sendable (Int64) -> Void) {
        self.fd = fd
        offset = range.lowerBound
        end = range.upperBound + 1
        self.permit = permit
        self.onFinish = onFinish
    }

    /// The next bytes (at most `count`), `nil` at the end of the range.
    func read(upTo count: Int) throws -> Data? {
        lock.lock()
        defer { lock.unlock() }
        let wanted = Int(min(Int64(count), end - offset))
        guard wanted > 0 else { return nil }
        var data = Data(count: wanted)
        let got = data.withUnsafeMutableBytes { pread(fd, $0.baseAddress, wanted, off_t(offset)) }
        guard got > 0 else {
            // The file shrank or failed under us: end the response short (the
            // client sees fewer bytes than Content-Length and retries).
            throw SocketError.disconnected
        }
        if got < wanted { data.removeSubrange(got...) }
        offset += Int64(got)
        sent += Int64(got)
        return data
    }

    deinit {
        close(fd)
        permit?.release()
        onFinish(sent)
    }
}
