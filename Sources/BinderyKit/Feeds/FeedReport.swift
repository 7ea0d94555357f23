import Foundation

/// What fetching one feed came to.
public struct FeedReport: Sendable {
    public enum Status: Sendable, Equatable {
        /// Fetched and read.
        case fetched(FeedFormat)
        /// `304 Not Modified`: nothing to read.
        case notModified
        /// Not asked: the server asked earlier to wait until this time.
        case waiting(until: Date)
        case failed(String)
    }

    /// The feed as given by the user.
    public var feed: String
    public var status: Status
    public var new = 0
    public var updated = 0
    public var unchanged = 0
    /// Where a permanent redirect sent the feed (asked first from now on).
    public var movedTo: URL?

    public var failed: Bool {
        if case .failed = status { return true }
        return false
    }

    /// `https://…/feed.xml: 3 new, 1 updated, 12 unchanged`.
    public var summaryLine: String {
        var line = "\(feed): "
        switch status {
        case .fetched:
            line += "\(new) new, \(updated) updated, \(unchanged) unchanged"
        case .notModified:
            line += "not modified"
        case .waiting(let until):
            line += "not asked: the server asked to wait until \(W3CDateTime.utc(until))"
        case .failed(let reason):
            line += "failed: \(reason)"
        }
        if let movedTo { line += " (moved permanently to \(movedTo.absoluteString))" }
        return line
    }
}
