import ArgumentParser
import BinderyKit

@main
struct Bindery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bindery",
        abstract: "Bind archived news articles into e-books, notes and plain text."
    )
}
