import Foundation

/// Writes the entries of one fetched feed into the archive folder.
struct EntryArchiver {
    enum Outcome { case new, updated, unchanged, failed }

    let fetcher: FeedFetcher
    let feedKey: String
    let feed: ParsedFeed
    let feedURL: URL

    func archive(_ entry: FeedEntry) -> Outcome {
        let options = fetcher.options
        let store = fetcher.store
        let body = bodyHTML(entry)
        let title = entry.title ?? FeedText.excerpt(ofHTML: body) ?? entry.link?.lastPathComponent ?? "Untitled"
        let contentHash = SHA256.hexDigest([title, entry.link?.absoluteString ?? "", entry.author ?? "", body].joined(separator: "\n"))
        let identity = entry.id ?? entry.link?.absoluteString ?? contentHash
        let previous = store.entry(feed: feedKey, id: entry.id, url: entry.link)
        if let previous, previous.hash == contentHash { return .unchanged }

        // An update gets a newer instant than the copy it replaces, so
        // readers keep it; a first sighting of an undated entry is dated now.
        let now = options.now()
        var instant = (previous == nil ? entry.date : entry.updated ?? entry.date) ?? now
        if let previous {
            let floor = Date(timeIntervalSince1970: TimeInterval(previous.instant + 1) / 1000)
            if instant < floor { instant = entry.date == nil ? max(now, floor) : floor }
        }
        let host = entry.link?.host.map { host in entry.link?.port.map { "\(host)_\($0)" } ?? host }
            ?? feedURL.host ?? "feed"
        let relative = ArchiveEntryFile.relativePath(host: host, instant: instant, title: title,
                                                     identity: feedKey + "\n" + identity, contentHash: contentHash)
        let record = FeedState.Entry(feed: feedKey, id: entry.id, url: entry.link?.absoluteString, file: relative,
                                     hash: contentHash, instant: ArchiveEntryFile.epochMilliseconds(instant))
        let destination = fetcher.folder.appendingPathComponent(relative)

        // Written before: the state was lost, or another feed carries the entry.
        if FileManager.default.fileExists(atPath: destination.path) {
            _ = store.record(record, replacing: previous)
            return .unchanged
        }
        var file = ArchiveEntryFile(title: title, url: entry.link, instant: instant, published: entry.date,
                                    author: entry.author, bodyHTML: body)
        if options.fullText, entry.hasOnlySummary, let link = entry.link, let page = fullText(link, summary: body) {
            file.bodyHTML = page
            file.extractedFromPage = true
        }
        if store.record(record, replacing: previous) != nil { return .unchanged }
        do {
            try fetcher.ensureFolder(destination.deletingLastPathComponent())
            try AtomicOutput.write(file.bytes, to: destination)
        } catch {
            store.withdraw(record, restoring: previous)
            fetcher.log.report(.warning(feedKey, "entry \(entry.link?.absoluteString ?? identity) not written: \(error)"))
            return .failed
        }
        return previous == nil ? .new : .updated
    }

    /// The entry's HTML, with the picture the feed names beside it in
    /// front when the HTML has none.
    private func bodyHTML(_ entry: FeedEntry) -> String {
        var html = entry.bodyHTML
        if let image = entry.imageURL, !html.containsBytes("<img") {
            html = "<img src=\"\(XHTMLSerializer.escaped(image.absoluteString))\" />" + html
        }
        return html
    }

    /// The main content of the article page, when it holds more text than
    /// the summary; `nil` (with a warning) otherwise.
    private func fullText(_ link: URL, summary: String) -> String? {
        let headers = ["Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"]
        switch fetcher.client.get(link, headers: headers, maxBytes: fetcher.options.maxPageBytes) {
        case .response(let response) where (200...299).contains(response.status):
            let type = (response.header("Content-Type") ?? "text/html").lowercased()
            guard type.contains("html") else {
                fetcher.log.report(.warning(feedKey, "full text of \(link.absoluteString): not an HTML page (\(type)); the summary is kept"))
                return nil
            }
            let bytes = [UInt8](response.body)
            let page = CharacterDecoding.decode(bytes, declared: [CharacterDecoding.charsetParameter(type),
                                                                   CharacterDecoding.htmlDeclaredCharset(bytes)])
            guard let nodes = MainContentExtractor.extract(page.text) else {
                fetcher.log.report(.warning(feedKey, "full text of \(link.absoluteString): no article text found on the page; the summary is kept"))
                return nil
            }
            let extracted = HTMLRebasing.absolutized(XHTMLSerializer.serialize(nodes), base: response.url)
            let summaryLength = HTMLParser.parseFragment(summary).textContent.count
            guard nodes.textContent.count > summaryLength else { return nil }
            return extracted
        case .response(let response):
            fetcher.log.report(.warning(feedKey, "full text of \(link.absoluteString): HTTP status \(response.status); the summary is kept"))
        case .deferred(let status, _):
            fetcher.log.report(.warning(feedKey, "full text of \(link.absoluteString): HTTP status \(status) (asked to wait); the summary is kept"))
        case .failure(let failure):
            fetcher.log.report(.warning(feedKey, "full text of \(link.absoluteString): \(failure); the summary is kept"))
        }
        return nil
    }
}
