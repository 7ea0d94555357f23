import Foundation

/// Header text as MIME needs it: 7-bit, lines of at most 78 characters.
enum MIMEHeaderText {
    /// An unstructured header value (Subject): as is when it is short
    /// printable ASCII, else RFC 2047 `=?UTF-8?B?…?=` words (each at most
    /// 75 characters, never splitting a character) folded onto lines.
    static func unstructured(_ text: String) -> String {
        let isPlain = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } && text.utf8.count <= 66
        if isPlain { return text }
        var words: [String] = []
        var chunk = Data()
        // 39 bytes → 52 base64 characters + 12 for `=?UTF-8?B?` `?=` = 64:
        // with `Subject: ` before it, the line stays within 76 (RFC 2047 §2).
        for character in text {
            let bytes = Data(String(character).utf8)
            if chunk.count + bytes.count > 39 {
                words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// A parameter such as `filename`: `name="value"` for short printable
    /// ASCII, else RFC 2231 `name*=UTF-8''%XX…` split into numbered
    /// continuations (`name*0*=`, `name*1*=`) that keep lines short and
    /// never split a `%XX`. Returned with the leading `;` and folding.
    static func parameter(_ name: String, _ value: String) -> String {
        let isPlain = value.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } && value.utf8.count <= 60
        if isPlain {
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return ";\r\n \(name)=\"\(escaped)\""
        }
        let encoded = PercentEncoding.unreserved(value)
        var pieces: [String] = []
        var current = "UTF-8''"
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let step = encoded[index] == "%" ? 3 : 1
            let next = encoded.index(index, offsetBy: step)
            if current.count + step > 60 {
                pieces.append(current)
                current = ""
            }
            current += encoded[index..<next]
            index = next
        }
        pieces.append(current)
        if pieces.count == 1 { return ";\r\n \(name)*=\(pieces[0])" }
        return pieces.enumerated().map { ";\r\n \(name)*\($0.offset)*=\($0.element)" }.joined()
    }
}
