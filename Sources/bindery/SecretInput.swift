import ArgumentParser
import Foundation

/// Passwords come from a file or an environment variable, never from the
/// command line (where `ps` and shell history would show them).
enum SecretInput {
    /// The first line of `file` (without its line end), else the variable
    /// `environmentName`, else `nil`.
    static func read(file: String?, environmentName: String,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read the password file \(file)")
            }
            let text = String(decoding: data, as: UTF8.self)
            let line = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).first ?? ""
            let password = String(line).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            guard !password.isEmpty else { throw ValidationError("the password file \(file) is empty") }
            return password
        }
        if let value = environment[environmentName], !value.isEmpty { return value }
        return nil
    }
}
