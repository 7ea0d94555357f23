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
