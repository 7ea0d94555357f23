import ArgumentParser
import BinderyKit
import Foundation

/// How to reach the SMTP server: flags, else environment variables.
/// The password never comes from the command line.
struct MailOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("From address (the one approved for Send-to-Kindle). Default: $BINDERY_SMTP_FROM, else the SMTP user.", valueName: "address"))
    var from: String?

    @Option(help: ArgumentHelp("SMTP server: smtp://host:587 (STARTTLS) or smtps://host:465 (TLS). Default: $BINDERY_SMTP_URL.", valueName: "url"))
    var smtpURL: String?

    @Option(help: ArgumentHelp("SMTP user name. Default: $BINDERY_SMTP_USER.", valueName: "name"))
    var smtpUser: String?

    @Option(help: ArgumentHelp("File whose first line is the SMTP password. Default: $BINDERY_SMTP_PASSWORD.", valueName: "path"))
    var smtpPasswordFile: String?

    @Option(help: ArgumentHelp("PEM file of certificate authorities to trust for the server (default: the system's; also $CURL_CA_BUNDLE or $SSL_CERT_FILE).", valueName: "path"))
    var smtpCAFile: String?

    @Option(help: ArgumentHelp("Largest book to send, in MB (default 50, Send-to-Kindle's limit; 0: no limit).", valueName: "mb"))
    var sizeLimit: Int = 50

    /// The settings for sending to `to`; throws a usage error naming what is missing.
    func settings(to: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> MailSettings {
        guard sizeLimit >= 0 else { throw ValidationError("--size-limit must be 0 or more") }
        // An empty variable counts as unset.
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let url = smtpURL ?? variable("BINDERY_SMTP_URL"), !url.isEmpty else {
            throw ValidationError("no SMTP server: give --smtp-url smtp://host:587 or set BINDERY_SMTP_URL")
        }
        let user = smtpUser ?? variable("BINDERY_SMTP_USER")
        let password = try SecretInput.read(file: smtpPasswordFile, environmentName: "BINDERY_SMTP_PASSWORD", environment: environment)
        guard let sender = from ?? variable("BINDERY_SMTP_FROM") ?? user.flatMap({ $0.contains("@") ? $0 : nil }) else {
            throw ValidationError("no sender: give --from ADDRESS (or set BINDERY_SMTP_FROM)")
        }
        let caFile = smtpCAFile ?? variable("CURL_CA_BUNDLE") ?? variable("SSL_CERT_FILE")
        let settings = MailSettings(serverURL: url, user: user, password: password, from: sender, to: to, caFile: caFile)
        do { try settings.validate() } catch { throw ValidationError("\(error)") }
        return settings
    }

    var limit: Int64? { sizeLimit == 0 ? nil : Int64(sizeLimit) * 1_000_000 }

    /// Sends `book`, printing one line; exit 1 with the reason on failure.
    func send(_ book: URL, settings: MailSettings, quiet: Bool) throws {
        do {
            let receipt = try BookMailer.send(book, settings: settings, limit: limit)
            if !quiet {
                FileHandleOutput.standardError.write(
                    "Sent \(book.lastPathComponent) (\(ByteCount.format(receipt.bytes))) to \(settings.to.joined(separator: ", ")) via \(settings.serverURL)\n")
            }
        } catch {
            FileHandleOutput.standardError.write("error: \(error)\n")
            FileHandleOutput.standardError.write("error: nothing was sent\n")
            throw ExitCode(ExitStatus.failed)
        }
    }
}
