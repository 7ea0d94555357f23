import BinderyKit

// Placeholder until the Digest work lands ISOWeek(parsing:) (removed at merge).
extension ISOWeek {
    init?(parsing text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[1].hasPrefix("W"), let y = Int(parts[0]), let w = Int(parts[1].dropFirst()) else { return nil }
        self.init(year: y, week: w)
    }
}
