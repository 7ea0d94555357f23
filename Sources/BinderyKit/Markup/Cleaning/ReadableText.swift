extension Array where Element == Node {
    /// The text a reader would see in these raw nodes, on one line: scripts,
    /// styles and templates left out, a `<br>` as a space, white space
    /// collapsed. For credits, tags and titles taken out of the body.
    var readableText: String {
        var text = ""
        func collect(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text(let string): text += string
                case .element(let element):
                    switch element.name {
                    case "br": text += " "
                    case "script", "style", "template", "noscript": break
                    default: collect(element.children)
                    }
                }
            }
        }
        collect(self)
        return text.collapsingWhitespace()
    }
}
