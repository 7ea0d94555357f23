/// A table keyed by element names, which the cleaning rules look up several
/// times for every node of every article. A name of up to seven bytes (all
/// but a few HTML names) is packed with its length into one integer and
/// found by open addressing, with no string hashing: `Set<String>` and
/// `Dictionary` hash every lookup with SipHash, some 3 % of an export's
/// instructions. Longer names go to a dictionary. Built once, read-only.
struct NameTable<Value> {
    private let keys: [UInt64]
    private let values: [Value?]
    private let shift: UInt64
    private let long: [String: Value]

    init(_ entries: [(name: String, value: Value)]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        let shift = 64 - bits
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var values = [Value?](repeating: nil, count: 1 << bits)
        var long: [String: Value] = [:]
        for (name, value) in entries {
            guard let key = Self.key(name) else {
                long[name] = value
                continue
            }
            var slot = Self.slot(key, shift: shift)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            values[slot] = value
        }
        (self.keys, self.values, self.shift, self.long) = (keys, values, shift, long)
    }

    subscript(name: String) -> Value? {
        guard let key = Self.key(name) else { return long[name] }
        var slot = Self.slot(key, shift: shift)
        while keys[slot] != 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return nil
    }

    private static func slot(_ key: UInt64, shift: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The name's bytes and, in the top byte, its length (so `a` and `a\0`
    /// differ, and no key is 0); `nil` for an empty name or one over seven bytes.
    static func key(_ name: String) -> UInt64? {
        let utf8 = name.utf8
        let count = utf8.count
        guard count > 0, count <= 7 else { return nil }
        var key = UInt64(count) << 56
        var shift: UInt64 = 0
        for byte in utf8 {
            key |= UInt64(byte) << shift
            shift += 8
        }
        return key
    }
}

/// A set of element names with `NameTable`'s lookup.
struct NameSet: ExpressibleByArrayLiteral {
    let names: Set<String>
    private let table: NameTable<Void>

    init(_ names: Set<String>) {
        self.names = names
        table = NameTable(names.map { ($0, ()) })
    }

    init(arrayLiteral names: String...) { self.init(Set(names)) }

    func contains(_ name: String) -> Bool { table[name] != nil }
}
