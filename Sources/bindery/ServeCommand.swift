import ArgumentParser
import BinderyKit
import Dispatch
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a folder of books to e-readers: an OPDS catalog and a plain web page.",
        discussion: """
            Lists the .epub files below the folder (new books appear without a restart) and serves
            them read-only: OPDS 1.2 at /opds for reading apps (KOReader, PocketBook, Moon+ Reader,
            Thorium), a plain HTML page at / for e-reader browsers. Prints the addresses to type on
            the device; stops cleanly on Ctrl-C (SIGINT) or SIGTERM. With --user, the password is read
            from --password-file or the environment variable BINDERY_SERVE_PASSWORD.
            """)

    @Argument(help: ArgumentHelp("The folder of books to serve.", valueName: "library"))
    var library: String

    @Option(help: ArgumentHelp("Address to listen on (default: every interface).", valueName: "ip"))
    var host: String?

    @Option(help: ArgumentHelp("Port to listen on (0: any free port).", valueName: "port"))
    var port: Int = 8080

    @Option(help: ArgumentHelp("Title of the catalog (default: the folder's name).", valueName: "title"))
    var title: String?

    @Option(help: ArgumentHelp("Require HTTP basic authentication with this user name.", valueName: "name"))
    var user: String?

    @Option(help: ArgumentHelp("File whose first line is the password for --user.", valueName: "path"))
    var passwordFile: String?

    @Option(help: ArgumentHelp("Requests served at once; more wait their turn.", valueName: "n"))
    var maxConnections: Int = 32

    @Option(help: ArgumentHelp("Seconds a connection may make no progress before it is closed.", valueName: "seconds"))
    var timeout: Int = 30

    @Option(help: ArgumentHelp("Books per catalog page.", valueName: "n"))
    var pageSize: Int = 50

    @Flag(name: [.short, .long], help: "No request log (errors and the addresses still show).")
    var quiet = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
        guard (1...1000).contains(pageSize) else { throw ValidationError("--page-size must be 1 to 1000") }
        if passwordFile != nil && user == nil { throw ValidationError("--password-file needs --user") }
    }

    func run() throws {
        let output = FileHandleOutput.standardOutput, errors = FileHandleOutput.standardError
        let folder: Library
        do {
            folder = try Library(folder: URL(fileURLWithPath: library), onProblem: { errors.write("warning: \($0)\n") })
        } catch {
            errors.write("error: \(error)\n")
            throw ExitCode(ExitStatus.failed)
        }
        var options = LibraryServer.Options()
        options.host = host
        options.port = UInt16(port)
        options.title = title ?? folder.root.lastPathComponent
        options.maxConcurrent = maxConnections
        options.idleTimeout = TimeInterval(timeout)
        options.pageSize = pageSize
        if let user {
            guard let password = try SecretInput.read(file: passwordFile, environmentName: "BINDERY_SERVE_PASSWORD") else {
                throw ValidationError("--user needs a password: --password-file FILE or the environment variable BINDERY_SERVE_PASSWORD")
            }
            options.auth = BasicAuth(user: user, password: password)
        }
        let quiet = self.quiet
        let server: LibraryServer
        do {
            server = try LibraryServer(library: folder, options: options, log: { line in if !quiet { output.write(line + "\n") } })
        } catch {
            errors.write("error: \(error)\n")
            throw ExitCode(ExitStatus.failed)
        }
        let outcome = ServeOutcome()
        Task.detached {
            do { try await server.run() } catch { outcome.fail(error) }
            outcome.finish()
        }
        Task.detached {
            guard let port = try? await server.waitUntilListening() else { return }
            let count = folder.current().newest.count
            output.write("Serving \(count) book\(count == 1 ? "" : "s") from \(folder.root.path)\n")
            for url in server.urls(port: port) {
                output.write("  Library page: \(url)\n  OPDS catalog: \(url)opds\n")
            }
            output.write("Press Ctrl-C to stop.\n")
        }
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard outcome.beginStopping() else { return }
                errors.write("Stopping: finishing downloads in progress (up to 10 s)…\n")
                Task.detached { await server.stop(grace: 10) }
            }
            source.resume()
            return source
        }
        outcome.wait()
        signals.forEach { $0.cancel() }
        if let error = outcome.error {
            errors.write("error: cannot serve on \(host ?? "every interface") port \(port): \(error)\n")
            throw ExitCode(ExitStatus.failed)
        }
    }
}

/// How the server task ended, shared between the task, the signal handler and the main thread.
private final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var stopping = false
    private var failure: Error?

    func fail(_ error: Error) {
        lock.lock()
        if !stopping { failure = error }
        lock.unlock()
    }

    func finish() { done.signal() }

    /// True the first time: later signals do nothing more.
    func beginStopping() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if stopping { return false }
        stopping = true
        return true
    }

    func wait() { done.wait() }

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }
}
