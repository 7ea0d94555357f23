import CLibCurl
import Foundation

/// Sends one message through an SMTP server with libcurl: TLS always
/// (STARTTLS required on `smtp://`, implicit on `smtps://`), AUTH when a
/// user is given, the message pulled from a `MailMessageStream`.
///
/// Success is reported only when the server accepted the whole message
/// (its 250 after DATA): every other outcome is a `MailError`.
enum SMTPTransport {
    /// The libcurl Bindery was built against.
    static let libraryVersion = LIBCURL_VERSION

    static func send(_ message: MailMessage, settings: MailSettings) throws {
        _ = curlInitialized
        guard let curl = curl_easy_init() else { throw MailError.settings("libcurl could not start") }
        defer { curl_easy_cleanup(curl) }
        let stream: MailMessageStream
        do { stream = try MailMessageStream(message) } catch {
            throw MailError.book(path: message.attachment.path, reason: "\(error)")
        }
        let box = Unmanaged.passRetained(StreamBox(stream))
        defer { box.release() }

        var recipients: UnsafeMutablePointer<curl_slist>?
        for address in settings.to { recipients = curl_slist_append(recipients, "<\(address)>") }
        defer { curl_slist_free_all(recipients) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errors in
            var failed = CURLE_OK
            func set(_ option: CURLoption, _ value: Int) { if failed == CURLE_OK { failed = bindery_curl_set_long(curl, option, value) } }
            func set(_ option: CURLoption, _ value: String) {
                if failed == CURLE_OK { failed = value.withCString { bindery_curl_set_pointer(curl, option, $0) } }
            }
            // libcurl copies string options (curl_easy_setopt(3)), so the
            // temporary C strings above may go.
            set(CURLOPT_URL, settings.serverURL)
            set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
            set(CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue))
            set(CURLOPT_MAIL_FROM, "<\(settings.from)>")
            if let user = settings.user { set(CURLOPT_USERNAME, user) }
            if let password = settings.password { set(CURLOPT_PASSWORD, password) }
            if let caFile = settings.caFile { set(CURLOPT_CAINFO, caFile) }
            set(CURLOPT_CONNECTTIMEOUT, settings.timeout)
            // No progress for `timeout` seconds (under 1 byte/s) ends the transfer.
            set(CURLOPT_LOW_SPEED_LIMIT, 1)
            set(CURLOPT_LOW_SPEED_TIME, settings.timeout)
            set(CURLOPT_NOSIGNAL, 1)
            set(CURLOPT_UPLOAD, 1)
            if failed == CURLE_OK { failed = bindery_curl_set_pointer(curl, CURLOPT_MAIL_RCPT, recipients) }
            if failed == CURLE_OK { failed = bindery_curl_set_pointer(curl, CURLOPT_READDATA, box.toOpaque()) }
            if failed == CURLE_OK { failed = bindery_curl_set_read_function(curl, readMessage) }
            if failed == CURLE_OK { failed = bindery_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, errors.baseAddress) }
            guard failed == CURLE_OK else { return failed }
            return curl_easy_perform(curl)
        }
        guard code != CURLE_OK else { return }
        var response = 0
        bindery_curl_get_long(curl, CURLINFO_RESPONSE_CODE, &response)
        let detail = String(cString: errorBuffer)
        throw error(for: code, detail: detail, response: response, settings: settings, readFailure: box.takeUnretainedValue().failure)
    }

    /// libcurl's result in words, by what the user has to fix.
    static func error(for code: CURLcode, detail: String, response: Int, settings: MailSettings, readFailure: String?) -> MailError {
        let server = settings.serverName
        var reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        if response > 0 { reason += " (server said \(response))" }
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_UNSUPPORTED_PROTOCOL,
             CURLE_URL_MALFORMAT, CURLE_GOT_NOTHING:
            return .connection(server: server, reason: reason)
        case CURLE_USE_SSL_FAILED:
            return .tls(server: server, reason: "the server offers no STARTTLS: " + reason)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS:
            return .tls(server: server, reason: reason)
        case CURLE_LOGIN_DENIED, CURLE_AUTH_ERROR:
            return .authentication(server: server, user: settings.user ?? "", reason: reason)
        case CURLE_ABORTED_BY_CALLBACK, CURLE_READ_ERROR:
            return .book(path: "the book", reason: readFailure ?? reason)
        default:
            return .rejected(server: server, reason: reason)
        }
    }
}

/// The stream as libcurl's READDATA, and the first read failure.
private final class StreamBox {
    let stream: MailMessageStream
    var failure: String?
    init(_ stream: MailMessageStream) { self.stream = stream }
}

/// CURLOPT_READFUNCTION: copy the next message bytes into libcurl's buffer.
private func readMessage(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let userdata else { return Int(CURL_READFUNC_ABORT) }
    let box = Unmanaged<StreamBox>.fromOpaque(userdata).takeUnretainedValue()
    do {
        return try box.stream.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
    } catch {
        box.failure = "\(error)"
        return Int(CURL_READFUNC_ABORT)
    }
}

/// curl_global_init once per process, before any thread uses libcurl.
private let curlInitialized: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()
