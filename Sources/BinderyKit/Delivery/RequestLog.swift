import FlyingFox
import Foundation

/// One line per request, written when the response is complete (for a
/// download: when its last byte was handed to the connection):
/// `2024-01-21T08:00:00Z 192.168.1.23 "GET /opds/new" 200 5321 3ms`.
struct RequestLog: Sendable {
    let write: @Sendable (String) -> Void

    func record(_ request: HTTPRequest, status: Int, bytes: Int64, elapsed: Duration) {
        let client = Self.client(request.remoteAddress)
        let target = Self.printable(request.target.rawValue)
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        write("\(W3CDateTime.utc(Date())) \(client) \"\(request.method.rawValue) \(target)\" \(status) \(bytes) \(milliseconds)ms")
    }

    private static func client(_ address: HTTPRequest.Address?) -> String {
        switch address {
        case .ip4(let ip, _)?: return ip
        case .ip6(let ip, _)?: return ip.hasPrefix("::ffff:") ? String(ip.dropFirst(7)) : ip // IPv4 on a dual-stack socket
        case .unix(let path)?: return path
        case nil: return "-"
        }
    }

    /// Control characters and quotes escaped: a request cannot forge log lines.
    private static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.prefix(512).unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\"" || scalar == "\\" {
                out += "\\x" + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
