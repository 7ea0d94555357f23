import Foundation

/// How `bindery fetch` behaves on the network and what it keeps.
public struct FeedFetchOptions: Sendable {
    /// Pause between the end of one request to a host and the start of the
    /// next (one request at a time per host).
    public var hostDelay: TimeInterval = 1
    /// Hosts fetched from at the same time.
    public var jobs = 4
    /// Inactivity timeout per request (each is cut off after 6× as well).
    public var timeout: TimeInterval = 30
    /// The longest `Retry-After` waited for within a run; a server asking
    /// for more is not asked again before that time, in a later run.
    public var maxRetryWait: TimeInterval = 60
    /// Pause before the one retry of a timeout or a 5xx without `Retry-After`.
    public var retryDelay: TimeInterval = 2
    /// Fetch the article page of summary-only entries and keep its main content.
    public var fullText = false
    public var userAgent = BinderyVersion.userAgent
    public var maxRedirects = 5
    public var maxFeedBytes = 20 * 1024 * 1024
    public var maxPageBytes = 10 * 1024 * 1024
    /// The clock (first-seen times of undated entries, `Retry-After` dates).
    public var now: @Sendable () -> Date = { Date() }

    public init() {}
}
