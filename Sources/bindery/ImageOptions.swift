import ArgumentParser
import BinderyKit
import Foundation

/// Whether an EPUB has pictures at all, and how they are fetched.
struct ImageOptionGroup: ParsableArguments {
    @Flag(help: "Text only: leave every picture out (captions stay).")
    var noImages = false

    @OptionGroup var fetching: ImageFetchOptionGroup

    /// A cover page needs a picture; with --no-images there is none.
    var includesCover: Bool { !noImages }

    var assetOptions: AssetOptions {
        var options = fetching.assetOptions
        options.includeImages = !noImages
        return options
    }
}

/// How pictures are fetched and cached (epub and markdown).
struct ImageFetchOptionGroup: ParsableArguments {
    @Flag(help: "Fetch nothing from the network: use local and cached pictures only.")
    var offline = false

    @Option(help: ArgumentHelp("Image cache folder (default: $XDG_CACHE_HOME/bindery or ~/.cache/bindery).", valueName: "dir"))
    var cache: String?

    @Option(help: ArgumentHelp("How many pictures to download at once.", valueName: "n"))
    var imageJobs: Int = 6

    @Option(help: ArgumentHelp("Fetch a proxied picture through the proxy as written, or from its origin; the other is the fallback.",
                               valueName: "as-written|origin"))
    var imageSource: ImageSourceArgument = .asWritten

    func validate() throws {
        guard (1...64).contains(imageJobs) else { throw ValidationError("--image-jobs must be between 1 and 64.") }
    }

    var assetOptions: AssetOptions {
        var options = AssetOptions(offline: offline, sourcePolicy: imageSource.policy, jobs: imageJobs)
        if let cache { options.cacheDirectory = URL(fileURLWithPath: cache).standardizedFileURL }
        return options
    }
}

enum ImageSourceArgument: String, ExpressibleByArgument, CaseIterable {
    case asWritten = "as-written"
    case origin
    var policy: ImageSourcePolicy { self == .origin ? .origin : .asWritten }
}
