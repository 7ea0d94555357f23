import BinderyKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `bindery-bench serve`: `bindery serve` under load. Writes a library of
/// one large book (a minimal EPUB with a stored filler entry), starts
/// `bindery serve` on 127.0.0.1 in a child process, and downloads the book
/// with `clients` connections at once, each checked byte for byte against
/// the file; then stops the server with SIGTERM and reads its peak RSS.
/// Run once with one client too, so the two peaks show whether memory
/// grows with the number of downloads (it should not: files are streamed).
struct ServeBenchmark {
    var clients: Int
    var megabytes: Int
    var work: URL
    var bindery: URL

    func run() throws -> ServeBenchReport {
        let folder = work.appendingPathComponent("serve")
        try? FileManager.default.removeItem(at: folder)
        let library = folder.appendingPathComponent("library")
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        let book = library.appendingPathComponent("large-book.epub")
        progress("writing a \(megabytes) MB book")
        try LargeBook.write(to: book, fillerBytes: megabytes * 1_000_000)
        let original = try Data(contentsOf: book)

        var rows: [ServeBenchRow] = []
        for count in [1, clients] {
            progress("\(count) concurrent download\(count == 1 ? "" : "s")")
            rows.append(try measure(clients: count, library: library, book: original, log: folder.appendingPathComponent("serve-\(count).log")))
        }
        return ServeBenchReport(bookMegabytes: Double(original.count) / 1_000_000, rows: rows,
                                rssSource: ChildProcess.usesGNUTime ? "GNU time (%M)" : "wait4 (includes the bench's own RSS: install GNU time)")
    }

    private func measure(clients: Int, library: URL, book: Data, log: URL) throws -> ServeBenchRow {
        let child = try ChildProcess.start([bindery.path, "serve", library.path, "--host", "127.0.0.1", "--port", "0",
                                            "--max-connections", "\(max(clients, 32))", "--quiet"], log: log)
        let server = ServerProcess.pid(below: child.pid)
        guard let port = try ServerProcess.port(in: log, timeout: 20) else {
            kill(server, SIGKILL)
            _ = try? child.wait()
            throw BenchError.failed("bindery serve did not print its address (see \(log.path))")
        }
        let target = "/books/\(String(SHA256.hexDigest("large-book.epub").prefix(16)))/large-book.epub"
        let started = ChildProcess.monotonicSeconds()
        let results = Downloads.run(count: clients, port: port, target: target, expected: book)
        let wall = ChildProcess.monotonicSeconds() - started
        kill(server, SIGTERM)
        let measurement = try child.wait()
        let complete = results.filter { $0.error == nil && $0.bytes == book.count }.count
        let times = results.map(\.seconds).sorted()
        return ServeBenchRow(
            clients: clients, complete: complete, wallSeconds: wall,
            megabytesPerSecond: Double(results.reduce(0) { $0 + $1.bytes }) / 1_000_000 / max(wall, 1e-9),
            slowestSeconds: times.last ?? 0, medianSeconds: times.isEmpty ? 0 : times[times.count / 2],
            serverCPUSeconds: measurement.cpuSeconds, peakRSSMegabytes: measurement.peakRSSMegabytes,
            exitStatus: measurement.exitStatus, errors: results.compactMap(\.error).prefix(3).map { $0 })
    }

    private func progress(_ text: String) {
        FileHandle.standardError.write(Data("bindery-bench: \(text)\n".utf8))
    }
}

/// A minimal valid EPUB whose bulk is one stored filler entry of
/// deterministic bytes: a stand-in for a digest with many pictures.
enum LargeBook {
    static func write(to url: URL, fillerBytes: Int) throws {
        var random = SplitMix64(seed: 20)
        var filler = Data(count: fillerBytes)
        filler.withUnsafeMutableBytes { buffer in
            let words = buffer.bindMemory(to: UInt64.self)
            for index in words.indices { words[index] = random.next() }
        }
        let container = """
            <?xml version="1.0" encoding="UTF-8"?>
            <container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles>
            <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>
            """
        let package = """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:uuid:00000000-0000-4000-8000-000000000020</dc:identifier>
            <dc:title>Load test book</dc:title><dc:language>en</dc:language><dc:creator>bindery-bench</dc:creator>
            <meta property="dcterms:modified">2024-01-21T00:00:00Z</meta></metadata>
            <manifest><item id="p" href="page.xhtml" media-type="application/xhtml+xml"/><item id="f" href="filler.bin" media-type="application/octet-stream"/></manifest>
            <spine><itemref idref="p"/></spine></package>
            """
        let page = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Load</title></head><body><p>Load test.</p></body></html>"
        let zip = try ZipWriter(url: url)
        try zip.add(path: "mimetype", data: Data("application/epub+zip".utf8), method: .store)
        try zip.add(path: "META-INF/container.xml", data: Data(container.utf8), method: .deflate)
        try zip.add(path: "EPUB/package.opf", data: Data(package.utf8), method: .deflate)
        try zip.add(path: "EPUB/page.xhtml", data: Data(page.utf8), method: .deflate)
        try zip.add(path: "EPUB/filler.bin", data: filler, method: .store)
        try zip.close()
    }
}

/// The server process itself (GNU time runs it as a child) and its port.
enum ServerProcess {
    /// The child of `parent`, found in /proc (GNU time does not pass
    /// SIGTERM on, so the server is signalled directly); `parent` when
    /// there is none yet after a short wait.
    static func pid(below parent: pid_t) -> pid_t {
        guard ChildProcess.usesGNUTime else { return parent }
        for _ in 0..<200 {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            for entry in entries {
                guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                      let close = stat.lastIndex(of: ")") else { continue }
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                if fields.count > 1, Int32(fields[1]) == parent { return pid }
            }
            usleep(10_000)
        }
        return parent
    }

    /// Reads `OPDS catalog: http://127.0.0.1:PORT/opds` from the server's log.
    static func port(in log: URL, timeout: Double) throws -> UInt16? {
        let deadline = ChildProcess.monotonicSeconds() + timeout
        while ChildProcess.monotonicSeconds() < deadline {
            if let text = try? String(contentsOf: log, encoding: .utf8),
               let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/opds"#, options: .regularExpression) {
                let digits = text[range].drop(while: { $0 != ":" }).dropFirst().drop(while: { $0 != ":" }).dropFirst().prefix(while: \.isNumber)
                return UInt16(digits)
            }
            usleep(20_000)
        }
        return nil
    }
}

/// Concurrent HTTP downloads, one thread and socket each, every byte
/// compared with the expected file as it arrives (nothing is kept).
enum Downloads {
    struct Result: Sendable {
        var bytes: Int
        var seconds: Double
        var error: String?
    }

    static func run(count: Int, port: UInt16, target: String, expected: Data) -> [Result] {
        let slots = ResultSlots<Result>(count: count)
        let group = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        var threads: [Thread] = []
        for index in 0..<count {
            group.enter()
            let thread = Thread {
                start.wait()
                slots.set(index, download(port: port, target: target, expected: expected))
                group.leave()
            }
            thread.stackSize = 256 << 10
            threads.append(thread)
            thread.start()
        }
        for _ in 0..<count { start.signal() }
        group.wait()
        return slots.values
    }

    static func download(port: UInt16, target: String, expected: Data) -> Result {
        let began = ChildProcess.monotonicSeconds()
        func fail(_ reason: String, _ bytes: Int = 0) -> Result {
            Result(bytes: bytes, seconds: ChildProcess.monotonicSeconds() - began, error: reason)
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return fail("socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return fail("connect: \(errno)") }
        let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count else {
            return fail("send: \(errno)")
        }
        var buffer = [UInt8](repeating: 0, count: 256 << 10)
        var head = [UInt8]()
        var body = 0
        var inBody = false
        return expected.withUnsafeBytes { file -> Result in
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count < 0 { return fail("recv: \(errno)", body) }
                if count == 0 { break }
                var chunk = buffer[0..<count]
                if !inBody {
                    head += chunk
                    guard let end = head.indices.dropLast(3).first(where: { head[$0] == 13 && head[$0 + 1] == 10 && head[$0 + 2] == 13 && head[$0 + 3] == 10 })
                    else { continue }
                    guard head.starts(with: Array("HTTP/1.1 200".utf8)) else { return fail("status: " + String(decoding: head.prefix(40), as: UTF8.self)) }
                    chunk = ArraySlice(head[(end + 4)...])
                    inBody = true
                }
                guard body + chunk.count <= file.count else { return fail("more bytes than the file", body) }
                let same = chunk.withUnsafeBytes { memcmp($0.baseAddress!, file.baseAddress! + body, chunk.count) == 0 }
                guard same else { return fail("bytes differ at \(body)", body) }
                body += chunk.count
            }
            return body == file.count ? Result(bytes: body, seconds: ChildProcess.monotonicSeconds() - began)
                : fail("short body: \(body) of \(file.count)", body)
        }
    }
}

struct ServeBenchRow: Codable {
    var clients: Int
    var complete: Int
    var wallSeconds: Double
    var megabytesPerSecond: Double
    var slowestSeconds: Double
    var medianSeconds: Double
    var serverCPUSeconds: Double
    var peakRSSMegabytes: Double
    var exitStatus: Int32
    var errors: [String]
}

struct ServeBenchReport: Codable {
    var bookMegabytes: Double
    var rows: [ServeBenchRow]
    var rssSource: String

    /// Memory is flat when many downloads need little more than one.
    static let flatMarginMegabytes = 30.0

    var checks: [GoalCheck] {
        guard let one = rows.first, let many = rows.last else { return [] }
        return [
            GoalCheck(name: "downloads complete and byte-identical", value: Double(many.complete), goal: "= \(many.clients)",
                      passed: rows.allSatisfy { $0.complete == $0.clients }),
            GoalCheck(name: "server exit status after SIGTERM", value: Double(many.exitStatus), goal: "0",
                      passed: rows.allSatisfy { $0.exitStatus == 0 }),
            GoalCheck(name: "peak MB with \(many.clients) downloads − with 1", value: many.peakRSSMegabytes - one.peakRSSMegabytes,
                      goal: "< \(Int(Self.flatMarginMegabytes)) (flat: streamed, not loaded)",
                      passed: many.peakRSSMegabytes - one.peakRSSMegabytes < Self.flatMarginMegabytes),
        ]
    }

    func json() throws -> String { try BenchTable.json(self, checks: checks) }

    func table() -> String {
        let header = ["downloads", "complete", "wall s", "MB/s", "median s", "slowest s", "server CPU s", "peak MB", "exit"]
        let cells = [header] + rows.map { row in
            ["\(row.clients)", "\(row.complete)", fixed(row.wallSeconds, 2), fixed(row.megabytesPerSecond, 0),
             fixed(row.medianSeconds, 2), fixed(row.slowestSeconds, 2), fixed(row.serverCPUSeconds, 2),
             fixed(row.peakRSSMegabytes, 1), "\(row.exitStatus)"]
        }
        var lines = BenchTable.lines(cells)
        lines.insert("bindery serve on 127.0.0.1, one \(fixed(bookMegabytes, 1)) MB book downloaded by N clients at once "
            + "(every byte compared); peak RSS of the server from \(rssSource).", at: 0)
        lines.append("")
        lines += BenchTable.checkLines(checks, digits: 1)
        for row in rows where !row.errors.isEmpty { lines.append("Errors (\(row.clients)): \(row.errors.joined(separator: "; "))") }
        return lines.joined(separator: "\n")
    }
}
