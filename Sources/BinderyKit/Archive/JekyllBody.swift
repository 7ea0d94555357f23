/// The body of a Jekyll post is the archive body wrapped in one
/// `<div>…</div>` (FORMAT.md, "A close relative"). Unwrapping it makes the
/// body look like every other article's, date line first.
enum JekyllBody {
    /// The body without its wrapper — only when the opening `<div>` is
    /// closed by the body's final `</div>`; otherwise the body unchanged.
    static func unwrapped(_ body: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let inner = skippingOpeningDiv(body)
        guard inner.startIndex != body.startIndex else { return body }
        var end = body.endIndex
        while end > inner.startIndex, body[end - 1].isHTMLSpace { end -= 1 }
        let close = Array("</div>".utf8)
        guard end - inner.startIndex >= close.count,
              body[(end - close.count)..<end].map({ $0 | 0x20 }).elementsEqual(close.map { $0 | 0x20 }),
              openDivClosesAt(inner.startIndex, in: body) == end - close.count else { return body }
        return body[inner.startIndex..<(end - close.count)]
    }

    /// The bytes after a leading `<div>` (with optional attributes), or the
    /// slice unchanged when it does not start with one.
    static func skippingOpeningDiv(_ body: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var i = body.startIndex
        while i < body.endIndex, body[i].isHTMLSpace { i += 1 }
        guard matches(body, at: i, "<div"), i + 4 < body.endIndex,
              body[i + 4] == UInt8(ascii: ">") || body[i + 4].isHTMLSpace,
              let close = body[(i + 4)...].firstIndex(of: UInt8(ascii: ">")) else { return body }
        return body[(close + 1)...]
    }

    /// Where the `</div>` closing a `<div>` opened just before `start` begins,
    /// counting nested `<div>`s. `nil` if never closed.
    private static func openDivClosesAt(_ start: Int, in body: ArraySlice<UInt8>) -> Int? {
        var depth = 1
        var i = start
        while let lt = body[i...].firstIndex(of: UInt8(ascii: "<")) {
            if matches(body, at: lt, "</div"), lt + 5 < body.endIndex, !isNameByte(body[lt + 5]) {
                depth -= 1
                if depth == 0 { return lt }
            } else if matches(body, at: lt, "<div"), lt + 4 < body.endIndex, !isNameByte(body[lt + 4]) {
                depth += 1
            }
            i = lt + 1
        }
        return nil
    }

    private static func matches(_ body: ArraySlice<UInt8>, at i: Int, _ literal: String) -> Bool {
        let utf8 = Array(literal.utf8)
        guard i + utf8.count <= body.endIndex else { return false }
        for (k, b) in utf8.enumerated() where body[i + k] | 0x20 != b | 0x20 { return false }
        return true
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        let lower = b | 0x20
        return (lower >= 97 && lower <= 122) || (b >= 48 && b <= 57) || b == UInt8(ascii: "-")
    }
}
