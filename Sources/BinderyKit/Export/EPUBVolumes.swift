import Foundation

/// `--max-size`: keeps every book file within a byte budget (Send-to-Kindle
/// by e-mail takes 50 MB) and loses nothing.
///
/// 1. The book is written as asked. If it fits, that is all.
/// 2. Otherwise pictures are made smaller, step by step (`steps`): lower JPEG
///    quality, then a smaller box. Each step's size is predicted from the
///    previous book, steps that cannot reach the budget are skipped, and
///    the chosen step's book is written and measured.
/// 3. If even the last step is over, the book is split at chapter
///    boundaries into volumes `NAME (1 of N).epub` …, each a complete book
///    with its own title, identifier and cover. A volume that still comes
///    out too large is split again (a single chapter at article boundaries).
///
/// Every trial is written beside the destination under a hidden name and
/// moved into place only when all is done; diagnostics are collected per
/// trial and only the final books' are reported, once each.
struct EPUBVolumes {
    var export: EPUBExport
    var maxBytes: Int

    /// (quality cap, share of the box's sides), gentlest first.
    static let steps: [(quality: Int, scale: Double)] = [(60, 1.0), (50, 0.8), (40, 0.65)]

    func write(to destination: URL, log: DiagnosticLog, progress: ((Int, Int) -> Void)?,
               picturesFetched: (@Sendable (Int) -> Void)?) throws -> EPUBExport.Result {
        let trials = TrialFiles(destination: destination, progress: progress, picturesFetched: picturesFetched)
        defer { trials.removeAll() }
        let natural = try trial(export, trials)
        guard natural.sizes.total > maxBytes else { return try finish(natural, at: destination, trials: trials, report: nil, log: log) }

        var report = "\(ByteText.format(natural.sizes.total)) is over --max-size \(ByteText.format(maxBytes))"
        var smallest = natural
        if let base = export.assets.pictures, natural.sizes.imageBytes > 0 {
            for (index, step) in Self.steps.enumerated() {
                let settings = base.reduced(scale: step.scale, quality: step.quality)
                let isLast = index == Self.steps.count - 1
                guard isLast || natural.sizes.predicted(with: settings, from: base) <= maxBytes else { continue }
                var smaller = export
                smaller.assets.pictures = settings
                smallest = try trial(smaller, trials)
                if smallest.sizes.total <= maxBytes { break }
            }
            report += "; pictures reduced to \(smallest.export.assets.pictures?.summary ?? "?"): \(ByteText.format(smallest.sizes.total))"
        }
        guard smallest.sizes.total > maxBytes else { return try finish(smallest, at: destination, trials: trials, report: report, log: log) }
        return try split(smallest, destination: destination, trials: trials, report: report, log: log)
    }

    // MARK: - Splitting

    /// Writes the volumes: the planned parts are measured, one still too
    /// large is halved and measured again; when the number of volumes
    /// changed on the way, each is written once more with its final label.
    private func split(_ whole: Trial, destination: URL, trials: TrialFiles, report: String,
                       log: DiagnosticLog) throws -> EPUBExport.Result {
        let export = whole.export
        var queue = VolumePlan.initial(digest: export.digest, sizes: whole.sizes, maxBytes: maxBytes)
        let planned = queue.count
        var volumes: [(part: VolumePlan.Part, trial: Trial)] = []
        while !queue.isEmpty {
            let part = queue.removeFirst()
            let measured = try trial(volume(of: export, part, index: volumes.count + 1, count: planned), trials)
            if measured.sizes.total > maxBytes, let halves = VolumePlan.halve(part, sizes: measured.sizes) {
                queue.insert(contentsOf: [halves.0, halves.1], at: 0)
                continue
            }
            volumes.append((part, measured))
        }
        let count = volumes.count
        if count != planned {
            for index in volumes.indices {
                volumes[index].trial = try trial(volume(of: export, volumes[index].part, index: index + 1, count: count),
                                                  trials)
            }
        }
        var summaries: [EPUBSummary] = []
        var diagnostics: [Diagnostic] = []
        for (index, volume) in volumes.enumerated() {
            let url = Self.volumeURL(destination, index: index + 1, count: count)
            try move(volume.trial.url, to: url)
            var summary = volume.trial.result.summary
            summary.destination = url
            summaries.append(summary)
            diagnostics += volume.trial.diagnostics
        }
        self.report(diagnostics, to: log)
        let over = volumes.filter { $0.trial.sizes.total > maxBytes }.count
        var text = report + "; split into \(count) volumes at chapter boundaries"
        if over > 0 { text += " (\(over) still over the budget: a single article is larger)" }
        return EPUBExport.Result(
            summary: summaries[0], volumes: summaries, sizeReport: text,
            missingImages: volumes.reduce(0) { $0 + $1.trial.result.missingImages },
            requests: trials.requests, picturesProcessed: trials.picturesProcessed)
    }

    /// `export` narrowed to one part, with the volume's title, identifier and cover label.
    private func volume(of export: EPUBExport, _ part: VolumePlan.Part, index: Int, count: Int) -> EPUBExport {
        var volume = export
        volume.digest = part.digest
        let label = CoverContent.volumeLabel(index, of: count, language: export.metadata.language)
        volume.volume = (label, CoverContent.name(of: export.metadata))
        volume.metadata.title = export.metadata.title + Self.titleSuffix(index, count, language: export.metadata.language)
        volume.metadata.identifier = BookMetadata.identifier(for: part.digest)
        volume.metadata.dateRange = part.digest.dateRange
        return volume
    }

    static func titleSuffix(_ index: Int, _ count: Int, language: String) -> String {
        language.lowercased().hasPrefix("zh") ? "（第 \(index) 册，共 \(count) 册）" : " (\(index) of \(count))"
    }

    /// `news.epub` → `news (1 of 2).epub`.
    static func volumeURL(_ destination: URL, index: Int, count: Int) -> URL {
        let stem = destination.deletingPathExtension().lastPathComponent
        let ext = destination.pathExtension.isEmpty ? "epub" : destination.pathExtension
        return destination.deletingLastPathComponent().appendingPathComponent("\(stem) (\(index) of \(count)).\(ext)")
    }

    // MARK: - Trials

    private struct Trial {
        var export: EPUBExport
        var url: URL
        var sizes: BookSizes
        var result: EPUBExport.Result
        var diagnostics: [Diagnostic]
    }

    private func trial(_ export: EPUBExport, _ trials: TrialFiles) throws -> Trial {
        let log = DiagnosticLog()
        let url = trials.next()
        let (result, sizes) = try export.writeBook(to: url, log: log, progress: trials.progress,
                                                   picturesFetched: trials.picturesFetched)
        trials.requests += result.requests
        trials.picturesProcessed += result.picturesProcessed
        return Trial(export: export, url: url, sizes: sizes, result: result, diagnostics: log.all)
    }

    private func finish(_ trial: Trial, at destination: URL, trials: TrialFiles, report text: String?,
                        log: DiagnosticLog) throws -> EPUBExport.Result {
        try move(trial.url, to: destination)
        report(trial.diagnostics, to: log)
        var result = trial.result
        result.summary.destination = destination
        result.sizeReport = text
        result.requests = trials.requests
        result.picturesProcessed = trials.picturesProcessed
        return result
    }

    /// Each distinct diagnostic once, in order (a warning about the cover
    /// font would otherwise come once per volume).
    private func report(_ diagnostics: [Diagnostic], to log: DiagnosticLog) {
        var seen = Set<Diagnostic>()
        for diagnostic in diagnostics where seen.insert(diagnostic).inserted { log.report(diagnostic) }
    }

    private func move(_ from: URL, to destination: URL) throws {
        guard rename(from.path, destination.path) == 0 else {
            throw OutputError(path: destination.path, reason: String(cString: strerror(errno)))
        }
    }
}

/// Hidden trial books beside the destination (same file system, so moving
/// one into place is a `rename(2)`), all removed at the end unless moved;
/// what each trial reports as it goes, and what all trials together cost.
private final class TrialFiles {
    private let folder: URL
    private let stem: String
    private var made: [URL] = []
    let progress: ((Int, Int) -> Void)?
    let picturesFetched: (@Sendable (Int) -> Void)?
    var requests = 0
    var picturesProcessed = 0

    init(destination: URL, progress: ((Int, Int) -> Void)?, picturesFetched: (@Sendable (Int) -> Void)?) {
        self.progress = progress
        self.picturesFetched = picturesFetched
        folder = destination.deletingLastPathComponent()
        stem = ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)"
    }

    func next() -> URL {
        let url = folder.appendingPathComponent("\(stem).trial\(made.count + 1).epub")
        made.append(url)
        return url
    }

    func removeAll() {
        for url in made { unlink(url.path) }
    }
}

/// `12.3 MB`, decimal units as the budget is given.
enum ByteText {
    static func format(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1_000_000) : "\(max(0, bytes) / 1000) KB"
    }
}
