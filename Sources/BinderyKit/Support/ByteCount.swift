import Foundation

/// File sizes as people read them (summary lines, the library page, errors).
public enum ByteCount {
    /// `1.2 MB`, `340 KB`, `12 B` — decimal units, as file managers show them.
    public static func format(_ bytes: Int64) -> String {
        if bytes >= 1_000_000 { return String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        if bytes >= 1_000 { return "\(bytes / 1_000) KB" }
        return "\(bytes) B"
    }
}
