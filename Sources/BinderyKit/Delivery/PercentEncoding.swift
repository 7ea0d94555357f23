/// Percent-encoding that keeps only RFC 3986's unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`). That set is also safe as an RFC 2231 / RFC 8187
/// extended parameter value (`filename*=UTF-8''…`), so URLs, HTTP
/// `Content-Disposition` and MIME attachment names share this one encoder.
enum PercentEncoding {
    static func unreserved(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
