import ArgumentParser
import BinderyKit
#if canImport(Glibc)
import Glibc
#endif

@main
struct Bindery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bindery",
        abstract: "Bind archived news articles into e-books, notes and plain text.",
        discussion: """
            Inputs are archive files and folders (walked recursively; .txt and .md files).
            Exit status: 0 on success (warnings allowed), 1 when nothing could be exported
            or with --strict and any warning, 2 on usage errors.
            """,
        version: "\(BinderyVersion.string) (built with \(LibraryVersions.summary))",
        subcommands: [EpubCommand.self, MarkdownCommand.self, TextCommand.self, ListCommand.self, FetchCommand.self,
                      ServeCommand.self, SendCommand.self]
    )

    /// Parses and runs, mapping ArgumentParser's outcomes onto Bindery's exit
    /// statuses: usage errors are 2 (ArgumentParser's own default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandleOutput.standardError.write(fullMessage(for: error) + "\n")
            if code == .validationFailure {
                FileHandleOutput.standardError.write("Run 'bindery help' for usage.\n")
                Foundation.exit(ExitStatus.usage)
            }
            Foundation.exit(code == .failure ? ExitStatus.failed : code.rawValue)
        }
    }
}

import Foundation

/// Bindery's exit statuses.
enum ExitStatus {
    static let success: Int32 = 0
    /// Nothing exported, an output could not be written, or `--strict` with warnings.
    static let failed: Int32 = 1
    static let usage: Int32 = 2
}
