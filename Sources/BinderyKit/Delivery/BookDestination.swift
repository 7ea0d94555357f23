import Foundation

/// Where `bindery epub` writes a book: the `--output` file; else, under a
/// name that tells digests and weeks apart, a library folder (`--library`,
/// the folder `bindery serve` serves), the current folder, or — when the
/// book is only e-mailed — a private temporary folder removed afterwards.
public final class BookDestination {
    public let url: URL
    private let temporaryFolder: URL?

    /// Thrown when the library folder cannot be created.
    public struct FolderError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot create the library folder \(path): \(reason)" }
    }

    public init(output: String?, library: String?, onlySent: Bool = false, metadata: BookMetadata) throws {
        if let output {
            url = URL(fileURLWithPath: output)
            temporaryFolder = nil
            return
        }
        let folder: URL
        if let library {
            folder = URL(fileURLWithPath: library, isDirectory: true)
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw FolderError(path: library, reason: (error as NSError).localizedDescription)
            }
            temporaryFolder = nil
        } else if !onlySent {
            folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            temporaryFolder = nil
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("bindery-send-\(UUID().uuidString)", isDirectory: true)
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw FolderError(path: folder.path, reason: (error as NSError).localizedDescription)
            }
            temporaryFolder = folder
        }
        url = folder.appendingPathComponent(Self.fileName(for: metadata))
    }

    deinit {
        if let temporaryFolder { try? FileManager.default.removeItem(at: temporaryFolder) }
    }

    /// `SERIES-YYYY-Www.epub` when the articles fall in one ISO week (a
    /// weekly digest), else `SERIES-FIRST_LAST.epub` by local days; the
    /// series is `--series`, else the first creator (`Bindery` by default),
    /// made safe as a file name. The same selection gives the same name, so a new
    /// run replaces the book rather than adding a copy.
    public static func fileName(for metadata: BookMetadata) -> String {
        let series = slug(metadata.series ?? metadata.creators.first ?? "")
        guard let range = metadata.dateRange else { return series + "-undated.epub" }
        let first = CivilCalendar.local(range.lowerBound, in: metadata.timeZone).day
        let last = CivilCalendar.local(range.upperBound, in: metadata.timeZone).day
        let firstWeek = ISOWeek(containing: range.lowerBound, timeZone: metadata.timeZone)
        if firstWeek == ISOWeek(containing: range.upperBound, timeZone: metadata.timeZone) {
            return "\(series)-\(firstWeek).epub"
        }
        func day(_ number: Int) -> String {
            let civil = CivilCalendar.civilDay(number)
            return "\(Period.pad(civil.year, 4))-\(Period.pad(civil.month, 2))-\(Period.pad(civil.day, 2))"
        }
        return "\(series)-\(day(first))_\(day(last)).epub"
    }

    /// Letters, digits, `.` and `_` kept (any script), everything else one
    /// `-`; ASCII lower-cased; at most 60 characters; `digest` if nothing is left.
    static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "." || character == "_" {
                out.append(character)
            } else if !out.isEmpty && out.last != "-" {
                out.append("-")
            }
        }
        while out.last == "-" || out.last == "." { out.removeLast() }
        while out.first == "." { out.removeFirst() }
        out = String(out.prefix(60))
        return out.isEmpty ? "digest" : out
    }
}
