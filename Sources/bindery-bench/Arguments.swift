/// A tiny `--name value` parser: the bench is a developer tool with a
/// handful of options and depends on BinderyKit only.
struct Arguments {
    private var options: [String: [String]] = [:]
    private var flags: Set<String> = []
    private(set) var positional: [String] = []

    init(_ arguments: ArraySlice<String>, flags known: Set<String>) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2))
                if known.contains(name) {
                    flags.insert(name)
                } else {
                    guard let value = rest.popFirst() else { throw BenchError.usage("--\(name) needs a value") }
                    options[name, default: []].append(value)
                }
            } else {
                positional.append(argument)
            }
        }
    }

    func value(_ name: String) -> String? { options[name]?.last }
    func values(_ name: String) -> [String] { options[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    func int(_ name: String, default fallback: Int) throws -> Int {
        guard let text = value(name) else { return fallback }
        guard let number = Int(text), number >= 0 else { throw BenchError.usage("--\(name) '\(text)' is not a whole number") }
        return number
    }

    /// Names given that the command does not know.
    func unknown(besides known: Set<String>) -> [String] {
        (Set(options.keys).union(flags)).subtracting(known).sorted()
    }
}
