import Foundation

/// Problems of assembling a book. Failures of the layers below pass through
/// unchanged: `ZipError` (the container) and `OutputError` (the final move);
/// both name the file concerned.
public enum EPUBError: Error, Equatable, CustomStringConvertible {
    /// Thrown when the writer is used after `finish()` or after an earlier failure.
    case finished(book: String)
    /// Thrown when an article names a chapter index that the digest does not have.
    case unknownChapter(book: String, article: String, index: Int)
    /// Thrown when an asset's file name is not a plain `name.ext` (letters,
    /// digits, `-`, `_`, `.`), so it could not be a safe path in the container.
    case invalidAssetName(book: String, name: String)
    /// Thrown by `finish()` when some of the digest's articles were never
    /// added: the pages written link to them.
    case incomplete(book: String, missing: Int)

    public var description: String {
        switch self {
        case .finished(let book):
            return "EPUB \(book) is already finished"
        case .unknownChapter(let book, let article, let index):
            return "EPUB \(book): article \(article) names chapter \(index), which the digest does not have"
        case .invalidAssetName(let book, let name):
            return "EPUB \(book): image file name \(name) is not a plain file name"
        case .incomplete(let book, let missing):
            return "EPUB \(book): \(missing) of the digest's articles were not added"
        }
    }
}
