import Foundation

/// The one clock of an export. Honours `SOURCE_DATE_EPOCH`
/// (https://reproducible-builds.org/specs/source-date-epoch/) so that
/// "now" — and with it `dcterms:modified` — can be pinned.
public struct BuildClock: Sendable {
    public var now: Date

    public init(now: Date) { self.now = now }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> BuildClock {
        if let raw = environment["SOURCE_DATE_EPOCH"]?.trimmingCharacters(in: .whitespaces),
           let seconds = Int64(raw), seconds >= 0 {
            return BuildClock(now: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        // Whole seconds: the OPF date format has no fractions.
        return BuildClock(now: Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
    }
}
