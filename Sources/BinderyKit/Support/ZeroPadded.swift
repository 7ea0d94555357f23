extension Int {
    /// The decimal digits, padded with zeros to `width` (`7` → `"00007"`):
    /// `String(format: "%05d")` without Foundation's formatter, which is
    /// slow enough to show when naming ten thousand pages.
    func zeroPadded(_ width: Int) -> String {
        let digits = String(self)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
