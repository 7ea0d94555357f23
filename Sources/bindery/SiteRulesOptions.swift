import ArgumentParser
import BinderyKit

/// The site rules to clean with: the built-in ones plus the user's files.
struct SiteRulesOptionGroup: ParsableArguments {
    @Option(name: .customLong("site-rules"),
            help: ArgumentHelp("A JSON file of site rules that adds to or overrides the built-in ones (repeatable; see README \"Site rules\").",
                               valueName: "file"))
    var files: [String] = []

    /// A bad rule file is a usage error (exit 2) naming file, line and field.
    func validate() throws {
        _ = try rules()
    }

    func rules() throws -> SiteRules {
        do {
            return try SiteRules.builtIn.adding(files: files)
        } catch let problem as SiteRulesError {
            throw ValidationError("--site-rules: \(problem)")
        }
    }
}
