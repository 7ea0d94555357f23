import Foundation

/// The OpenSearch 1.1 description document OPDS clients read to search the
/// catalog by title, author or series (OPDS 1.2 §3).
enum OpenSearchDescription {
    static let mediaType = "application/opensearchdescription+xml"

    /// `origin`: `http://host:port` as the client addressed the server
    /// (OpenSearch templates are absolute URLs).
    static func document(title: String, origin: String) -> Data {
        XMLTree.document(XMLTree.element("OpenSearchDescription", [("xmlns", "http://a9.com/-/spec/opensearch/1.1/")], [
            XMLTree.element("ShortName", text: String(title.prefix(16))),
            XMLTree.element("Description", text: "Search \(title) by title, author or series"),
            XMLTree.element("InputEncoding", text: "UTF-8"),
            XMLTree.element("OutputEncoding", text: "UTF-8"),
            XMLTree.element("Url", [
                ("type", OPDSFeed.acquisitionType),
                ("template", origin + CatalogPaths.search + "?q={searchTerms}"),
            ]),
        ]))
    }
}
