/// YAML 1.2 double-quoted scalars (YAML 1.2.2 §7.3.1), so that any title —
/// quotes, colons, `#`, a leading `-`, backslashes, line breaks — parses
/// back to itself.
enum YAMLScalar {
    static func quoted(_ value: String) -> String {
        var out = "\""
        out.unicodeScalars.reserveCapacity(value.unicodeScalars.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x00: out += "\\0"
            case 0x07: out += "\\a"
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0B: out += "\\v"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case 0x1B: out += "\\e"
            case 0x85: out += "\\N"
            case 0x2028: out += "\\L"
            case 0x2029: out += "\\P"
            case 0x01...0x1F, 0x7F...0x9F, 0xFEFF, 0xFFFE, 0xFFFF:
                // Outside c-printable (§5.1), or a byte-order mark.
                out += "\\u" + hex(scalar.value, width: 4)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
