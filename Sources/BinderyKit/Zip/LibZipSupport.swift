import CLibZip
import Foundation

/// Small conversions between libzip's C conventions and Swift.
enum LibZip {
    /// The libzip Bindery was built against.
    static let libraryVersion = LIBZIP_VERSION

    /// libzip's message for the last error on `archive`.
    static func message(_ archive: OpaquePointer) -> String {
        String(cString: zip_strerror(archive))
    }

    /// libzip's message for an error code returned by `zip_open`.
    static func message(code: Int32) -> String {
        var error = zip_error_t()
        zip_error_init_with_code(&error, code)
        defer { zip_error_fini(&error) }
        return String(cString: zip_error_strerror(&error))
    }

    /// Opens `url` with `flags`; throws libzip's message through `makeError`.
    static func open(_ url: URL, flags: Int32, makeError: (String) -> Error) throws -> OpaquePointer {
        var code: Int32 = 0
        guard let archive = zip_open(url.path, flags, &code) else {
            throw makeError(message(code: code))
        }
        return archive
    }

    /// Runs `fill` on an open `archive`, then writes it with `zip_close`;
    /// on any failure the archive is discarded (nothing half-written stays
    /// open) and the error thrown, libzip's through `makeError`.
    static func fillAndClose(_ archive: OpaquePointer, makeError: (String) -> Error, _ fill: () throws -> Void) throws {
        do {
            try fill()
        } catch {
            zip_discard(archive)
            throw error
        }
        guard zip_close(archive) == 0 else {
            let reason = message(archive)
            zip_discard(archive)
            throw makeError(reason)
        }
    }

    static func compression(_ method: ZipWriter.Method) -> Int32 {
        switch method {
        case .store: return ZIP_CM_STORE
        case .deflate: return ZIP_CM_DEFLATE
        }
    }

    /// Entry time written into every entry: 1980-01-01 00:00, the earliest
    /// MS-DOS date. libzip converts `time_t` to a DOS date with localtime(3),
    /// so the instant is built with mktime(3) to give the same fields in any
    /// time zone (and with them the same bytes).
    static func fixedEntryTime() -> time_t {
        var fields = tm()
        fields.tm_year = 80
        fields.tm_mon = 0
        fields.tm_mday = 1
        fields.tm_isdst = -1
        return mktime(&fields)
    }

    /// Unix "regular file, rw-r--r--" in the high 16 bits: fixed rather than
    /// taken from any file's mode, so the bytes never depend on the umask.
    static let externalAttributes: UInt32 = UInt32(0o100644) << 16
}
