import Foundation

/// Writes a deterministic synthetic archive in the format of FORMAT.md, with
/// the variants real archives contain, so that exports can be timed on
/// archives of any size. The same article count and seed always give
/// byte-identical files.
struct ArchiveGenerator {
    var articleCount: Int
    var seed: UInt64
    /// One chapter per day: articles spread over this many UTC days, all
    /// stamped between 01:00 and 15:00 UTC so they stay on the same local day
    /// from UTC-1 to UTC+8 (Chinese feeds' day boundaries are GMT+8).
    var days = 42
    /// 2024-01-08 00:00 UTC, a Monday, so 42 days are exactly six ISO weeks.
    var firstDay = 1_704_672_000
    /// `nil`: each script's own hosts (8 in all). A count: that many hosts
    /// of `ArticleText.sourcePool`, taken in turn whatever the script, so
    /// that every one appears (a digest of N feeds).
    var sources: Int?
    /// Bump when the output changes, so cached archives are regenerated.
    static let version = 1

    /// What was written.
    struct Summary {
        var files = 0
        var bytes = 0
    }

    func write(to folder: URL) throws -> Summary {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        var summary = Summary()
        for (name, data) in LocalImages.files() {
            try data.write(to: folder.appendingPathComponent("images/\(name)"))
            summary.files += 1
            summary.bytes += data.count
        }
        for index in 0..<articleCount {
            let (name, bytes) = file(at: index)
            try Data(bytes).write(to: folder.appendingPathComponent(name))
            summary.files += 1
            summary.bytes += bytes.count
        }
        return summary
    }

    /// The name and bytes of article file `index`.
    func file(at index: Int) -> (name: String, bytes: [UInt8]) {
        var fileRandom = SplitMix64(seed: seed ^ 0x5EED_F11E, stream: index)
        // About 1 % of files archive an earlier article again (same URL and
        // body, a later timestamp): article `index - days` is on the same day.
        let isDuplicate = index >= days && index % 97 == 50
        let identity = isDuplicate ? index - days : index
        let delay = isDuplicate ? fileRandom.int(in: 600...7200) : 0
        var article = ArticleText(identity: identity, generator: self)
        var bytes = article.render(archiveDelay: delay)
        if fileRandom.chance(0.05) { bytes = crlf(bytes) }
        return (fileName(index, &fileRandom), bytes)
    }

    /// `00042_9f3a…c1.txt`: order-free names as archivers write them; some `.md`.
    private func fileName(_ index: Int, _ random: inout SplitMix64) -> String {
        var digits: [UInt8] = []
        TextSynth.appendDecimal(index, width: max(3, String(articleCount - 1).count), into: &digits)
        let hash = String(random.next(), radix: 16)
        let padded = String(repeating: "0", count: 16 - hash.count) + hash
        let ext = random.chance(0.1) ? "md" : "txt"
        return "\(String(decoding: digits, as: UTF8.self))_\(padded).\(ext)"
    }

    private func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 64)
        for byte in bytes {
            if byte == UInt8(ascii: "\n") { out.append(UInt8(ascii: "\r")) }
            out.append(byte)
        }
        return out
    }
}
