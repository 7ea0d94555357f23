/// Text being written that remembers its last scalar. Whole strings are
/// appended as they are (no re-validation); text written scalar by scalar
/// is gathered as UTF-8 bytes and turned into a `String` once.
struct UTF8Output {
    private var text = ""
    private var pending: [UInt8] = []
    private(set) var last: Unicode.Scalar?

    init(capacity: Int = 0) {
        text.reserveCapacity(capacity)
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        pending.appendUTF8(scalar)
        last = scalar
    }

    mutating func append(_ string: String) {
        guard let lastScalar = string.unicodeScalars.last else { return }
        flush()
        text += string
        last = lastScalar
    }

    var string: String {
        mutating get {
            flush()
            return text
        }
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        text += String(decoding: pending, as: UTF8.self)
        pending.removeAll(keepingCapacity: true)
    }
}

extension Array where Element == UInt8 {
    mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            append(UInt8(v))
        case 0x80..<0x800:
            append(UInt8(0xC0 | (v >> 6)))
            append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            append(UInt8(0xE0 | (v >> 12)))
            append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            append(UInt8(0x80 | (v & 0x3F)))
        default:
            append(UInt8(0xF0 | (v >> 18)))
            append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
