/// One page of a long list: OPDS and the HTML page split large folders
/// into pages of `size` entries (numbered from 1).
struct CatalogPage<Item> {
    let items: ArraySlice<Item>
    let number: Int
    let count: Int
    let total: Int

    /// `nil` when `number` is past the last page (a page 1 always exists).
    init?(_ all: [Item], number: Int, size: Int) {
        let pages = max(1, (all.count + size - 1) / size)
        guard number >= 1, number <= pages else { return nil }
        let start = (number - 1) * size
        items = all[start..<min(all.count, start + size)]
        self.number = number
        count = pages
        total = all.count
    }

    var hasPrevious: Bool { number > 1 }
    var hasNext: Bool { number < count }
    /// 1-based index of the first item (OpenSearch `startIndex`).
    var startIndex: Int { items.startIndex + 1 }
}
