import Foundation

/// `bindery send`: e-mails an EPUB as an attachment, e.g. to a
/// Send-to-Kindle address. The book is checked before anything is sent:
/// it must be an EPUB Bindery can read and no larger than the limit.
public enum BookMailer {
    /// Send-to-Kindle takes documents of up to 50 MB by e-mail.
    public static let kindleLimit: Int64 = 50_000_000

    public struct Receipt: Sendable {
        public var title: String
        public var bytes: Int64
    }

    /// `limit`: the largest book to send (`nil`: no limit).
    public static func send(_ book: URL, settings: MailSettings, limit: Int64? = kindleLimit) throws -> Receipt {
        try settings.validate()
        var info = stat()
        guard stat(book.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw MailError.book(path: book.path, reason: "no such file")
        }
        let size = Int64(info.st_size)
        if let limit, size > limit {
            throw MailError.book(path: book.path, reason: "it is \(ByteCount.format(size)), and Send-to-Kindle takes at most "
                + "\(ByteCount.format(limit)) by e-mail: bind it smaller (--max-size, --no-images or a shorter range), "
                + "or raise the limit with --size-limit for another recipient")
        }
        let metadata: BookInfo
        do { metadata = try PackageMetadataReader.read(book) } catch {
            throw MailError.book(path: book.path, reason: "not an EPUB Bindery can read (\(error))")
        }
        let message = MailMessage(
            from: settings.from, to: settings.to, subject: metadata.title,
            text: "\(metadata.title)\n\nSent by Bindery \(BinderyVersion.string).\n",
            attachment: book, fileName: book.lastPathComponent, date: Date())
        try SMTPTransport.send(message, settings: settings)
        return Receipt(title: metadata.title, bytes: size)
    }
}
