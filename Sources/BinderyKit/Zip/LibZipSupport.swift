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

/// A Swift object behind a libzip function source (`zip_source_function`):
/// libzip calls `handle` with each command, and releases the object with
/// `ZIP_SOURCE_FREE`.
protocol LibZipSourceHandler: AnyObject {
    func handle(_ command: zip_source_cmd_t, _ data: UnsafeMutableRawPointer?, _ length: UInt64) -> Int64
}

extension LibZip {
    /// The user data to give libzip with `sourceCallback`: `handler`,
    /// retained until libzip frees the source (or `releaseSource` is called,
    /// when no source was made).
    static func sourceUserData(_ handler: LibZipSourceHandler) -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(SourceBox(handler)).toOpaque()
    }

    static func releaseSource(_ userData: UnsafeMutableRawPointer) {
        Unmanaged<SourceBox>.fromOpaque(userData).release()
    }

    /// libzip's entry point into a `LibZipSourceHandler`.
    static let sourceCallback: zip_source_callback = { userData, data, length, command in
        guard let userData else { return -1 }
        if command == ZIP_SOURCE_FREE {
            releaseSource(userData)
            return 0
        }
        return Unmanaged<SourceBox>.fromOpaque(userData).takeUnretainedValue().handler.handle(command, data, length)
    }

    private final class SourceBox {
        let handler: LibZipSourceHandler
        init(_ handler: LibZipSourceHandler) { self.handler = handler }
    }
}
