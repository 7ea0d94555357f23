import ArgumentParser
import BinderyKit
import Foundation

/// The archive files and folders to read.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Archive files or folders (folders are read recursively).", valueName: "input"))
    var inputs: [String] = []

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("Give at least one archive file or folder.") }
        for path in inputs where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("No such file or folder: \(path)")
        }
    }

    var urls: [URL] {
        inputs.map { URL(fileURLWithPath: $0).standardizedFileURL }
    }
}

/// Which articles, and how they are grouped: shared by every command.
struct SelectionOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("First day to include, YYYY-MM-DD or relative: today, yesterday, 7d (days ago), 2w (weeks ago); inclusive, in --time-zone.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Last day to include, YYYY-MM-DD or relative like --since; inclusive, in --time-zone.", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("An ISO week, YYYY-Www (e.g. 2024-W03), or 'this' or 'last' (the week before this one), in --time-zone.", valueName: "week"))
    var week: String?

    @Option(help: ArgumentHelp("IANA time zone that defines days, e.g. Asia/Shanghai (default: the system's).", valueName: "tz"))
    var timeZone: String?

    @Option(help: ArgumentHelp("Chapters per day, week or month; auto (default): per day, days with few articles merged into ranges.",
                               valueName: "auto|day|week|month"))
    var groupBy: GroupingArgument = .auto

    @Flag(help: "Newest chapters and articles first.")
    var newestFirst = false

    func validate() throws {
        _ = try selection()
    }

    /// The parsed selection; throws a usage error naming the bad value.
    func selection() throws -> SelectionOptions {
        var zone = TimeZone.current
        if let timeZone {
            guard let parsed = TimeZone(identifier: timeZone) else {
                let near = Suggestions.closest(to: timeZone, among: TimeZone.knownTimeZoneIdentifiers)
                let hint = near.isEmpty ? "use an IANA id such as Europe/Berlin or Asia/Shanghai"
                    : "did you mean " + near.joined(separator: ", ") + "?"
                throw ValidationError("Unknown time zone '\(timeZone)': \(hint) (all names: timedatectl list-timezones)")
            }
            zone = parsed
        }
        var options = SelectionOptions(timeZone: zone, grouping: groupBy.grouping, newestFirst: newestFirst)
        // Relative forms count from the build clock (SOURCE_DATE_EPOCH pins it).
        let now = BuildClock.fromEnvironment().now
        do {
            if let since { options.since = try RelativeDate.day(since, now: now, timeZone: zone) ?? LocalDay.parse(since) }
            if let until { options.until = try RelativeDate.day(until, now: now, timeZone: zone) ?? LocalDay.parse(until) }
            if let week { options.isoWeek = try RelativeDate.week(week, now: now, timeZone: zone) ?? ISOWeek(parsing: week) }
        } catch {
            throw ValidationError("\(error)")
        }
        if let since = options.since, let until = options.until,
           (since.year!, since.month!, since.day!) > (until.year!, until.month!, until.day!) {
            throw ValidationError("--since \(self.since!) is after --until \(self.until!).")
        }
        return options
    }
}

enum GroupingArgument: String, ExpressibleByArgument, CaseIterable {
    case auto, day, week, month
    var grouping: Grouping { Grouping(rawValue: rawValue)! }
}

/// What the book says about itself.
struct BookOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp("Book title (default: the digest and its period, e.g. 'News digest · 2024-W03 · 15–21 January').", valueName: "title"))
    var title: String?

    @Option(help: ArgumentHelp("Language as a BCP 47 tag, e.g. zh or en (default: detected from the text).", valueName: "tag"))
    var language: String?

    @Option(help: ArgumentHelp("Author shown by e-readers (default: Bindery; the sources are listed as contributors).", valueName: "name"))
    var creator: String?

    @Option(help: ArgumentHelp("The series recurring digests belong to, so readers shelve them together; also names --library files.", valueName: "name"))
    var series: String?

    func validate() throws {
        if let language, !LanguageTag.isWellFormed(language) {
            throw ValidationError("--language '\(language)' is not a BCP 47 tag such as zh, zh-Hant or en-GB.")
        }
        if let title, title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--title must not be empty.")
        }
    }

    var overrides: BookOverrides {
        BookOverrides(title: title, language: language, creator: creator, series: series)
    }
}

/// How much the run says, and how strict it is.
struct ReportingOptions: ParsableArguments {
    @Flag(help: "Fail (exit 1) when there is any warning.")
    var strict = false

    @Flag(name: [.short, .long], help: "Print only warnings and errors: no progress, no summary.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Print every warning as it happens (by default a repeated problem is printed once, with a count).")
    var verbose = false
}

/// `--report FILE.json` of the export commands.
struct ReportOption: ParsableArguments {
    @Option(help: ArgumentHelp("Also write what the export read, skipped, deduplicated and left out as JSON (see README).",
                               valueName: "file.json"))
    var report: String?
}
