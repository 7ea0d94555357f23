import Foundation
@testable import BinderyKit

/// Content for renderer tests, written as the cleaned HTML it comes from.
enum ContentTestSupport {
    /// `nodes` (a cleaned tree) converted as the cleaner's last step does,
    /// with each picture whose source names a bundled file (`attachments/F`,
    /// `../images/F`) bound to `F`, as the Assets stage leaves it.
    static func blocks(_ nodes: [Node]) -> [Block] {
        ContentRewriter.rewritePictures(ContentConverter.blocks(nodes)) { picture, _ in
            var picture = picture
            for folder in [MarkdownExportOptions.attachmentsFolder + "/", EPUBWriter.imageLinkPrefix]
            where picture.source.hasPrefix(folder) {
                picture.binding = .bundled(fileName: String(picture.source.dropFirst(folder.count)))
            }
            return picture
        }
    }
}
