#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum FileDescriptorWriting {
    /// Writes all of `bytes` to `fd` (retrying short writes and `EINTR`),
    /// then closes it. Returns 0, or the `errno` of the first failure.
    static func writeAllAndClose(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var failure = writeAll(fd, bytes)
        if close(fd) != 0 && failure == 0 { failure = errno }
        return failure
    }

    /// Writes all of `bytes` to `fd` (retrying short writes and `EINTR`).
    /// Returns 0, or the `errno` of the failure.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }
}
