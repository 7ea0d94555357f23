/// A cursor over UTF-8 bytes for the small date grammars of `WrittenDateParser`.
struct ByteScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Skips spaces and tabs; says whether there were any.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = index
        while let b = peek, b == 32 || b == 9 { index += 1 }
        return index > start
    }

    /// Skips spaces; always true (for use inside `guard` chains).
    mutating func skipSpacesAlways() -> Bool {
        skipSpaces()
        return true
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    mutating func consume(_ literal: String) -> Bool {
        let utf8 = Array(literal.utf8)
        guard index + utf8.count <= bytes.count, bytes[index..<(index + utf8.count)].elementsEqual(utf8) else { return false }
        index += utf8.count
        return true
    }

    mutating func number(digits: ClosedRange<Int>, followedByDigits: Bool = false) -> Int? {
        numberWithCount(digits: digits, followedByDigits: followedByDigits)?.value
    }

    /// Reads `digits` digits; unless `followedByDigits`, a longer run of
    /// digits is no match (so `20240` is not read as a year).
    mutating func numberWithCount(digits: ClosedRange<Int>, followedByDigits: Bool = false) -> (value: Int, count: Int)? {
        var value = 0, count = 0
        while let b = peek, b >= 48 && b <= 57, count < digits.upperBound {
            value = value * 10 + Int(b - 48)
            count += 1
            index += 1
        }
        if !followedByDigits, let b = peek, b >= 48 && b <= 57 { index -= count; return nil }
        guard digits.contains(count) else { index -= count; return nil }
        return (value, count)
    }

    /// A run of ASCII letters (possibly empty), or `nil` at the end.
    mutating func letters() -> String? {
        guard !atEnd else { return nil }
        let start = index
        while let b = peek, (b | 0x20) >= 97 && (b | 0x20) <= 122 { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }
}
