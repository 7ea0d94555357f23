/// How the book arranges its chapters (`bindery epub --sections`).
public struct BookLayout: Sendable {
    public enum Sections: String, Sendable, CaseIterable {
        /// Each chapter lists its articles in time order.
        case none
        /// A chapter of `sectionThreshold` articles or more from more than
        /// one source lists them by source, under source headings.
        case source
    }

    public var sections: Sections
    /// The size from which a chapter is split into sections: below it a
    /// chapter page fits a screen or two and reads best in time order.
    public var sectionThreshold: Int
    /// Whether a picture that could not be had is marked as not loaded
    /// (`false` with `--no-images`, where leaving pictures out is the point).
    public var marksMissingPictures: Bool

    public init(sections: Sections = .source, sectionThreshold: Int = 12, marksMissingPictures: Bool = true) {
        self.sections = sections
        self.sectionThreshold = sectionThreshold
        self.marksMissingPictures = marksMissingPictures
    }
}
