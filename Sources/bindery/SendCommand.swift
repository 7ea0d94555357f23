import ArgumentParser
import BinderyKit
import Foundation

struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "E-mail a book as an attachment, e.g. to a Send-to-Kindle address.",
        discussion: """
            Sends through SMTP with TLS (STARTTLS on smtp://, implicit TLS on smtps://) and AUTH.
            Settings come from the flags or the environment: BINDERY_SMTP_URL, BINDERY_SMTP_USER,
            BINDERY_SMTP_PASSWORD (or --smtp-password-file), BINDERY_SMTP_FROM. The password is
            never read from the command line. Books over 50 MB are refused before anything is sent.
            """)

    @Argument(help: ArgumentHelp("The EPUB file to send.", valueName: "book.epub"))
    var book: String

    @Option(help: ArgumentHelp("Recipient address, e.g. name@kindle.com (repeatable).", valueName: "address"))
    var to: [String] = []

    @OptionGroup(title: "Mail") var mail: MailOptionGroup

    @Flag(name: [.short, .long], help: "Print only errors.")
    var quiet = false

    func validate() throws {
        guard !to.isEmpty else { throw ValidationError("give a recipient: --to ADDRESS") }
        guard FileManager.default.fileExists(atPath: book) else { throw ValidationError("No such file: \(book)") }
        _ = try mail.settings(to: to)
    }

    func run() throws {
        try mail.send(URL(fileURLWithPath: book), settings: try mail.settings(to: to), quiet: quiet)
    }
}
