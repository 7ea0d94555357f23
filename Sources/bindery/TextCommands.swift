import ArgumentParser
import BinderyKit
import Foundation

struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown", abstract: "Export the selected articles as Markdown notes.")
    @OptionGroup var input: InputOptions
    func run() throws {}
}

struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text", abstract: "Export the selected articles as one plain-text digest.")
    @OptionGroup var input: InputOptions
    func run() throws {}
}
