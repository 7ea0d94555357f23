extension UInt8 {
    /// The byte with an ASCII capital letter made small; any other byte as it is.
    var asciiLowercased: UInt8 {
        self >= 0x41 && self <= 0x5A ? self | 0x20 : self
    }
}

extension Sequence where Element == UInt8 {
    /// Whether the bytes start with `prefix` (written in lower case),
    /// ASCII letters compared without regard to case: URL schemes and
    /// query names, tested on every image of an export.
    func startsIgnoringASCIICase(with prefix: String) -> Bool {
        starts(with: prefix.utf8) { $0.asciiLowercased == $1 }
    }
}

extension String {
    /// The string's UTF-8 bytes as one buffer, not copied when the string
    /// is native (nearly always): a generic algorithm stepping through
    /// `utf8` costs several times as much a byte, and the tests below run
    /// on every link and picture of every article.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }
}
