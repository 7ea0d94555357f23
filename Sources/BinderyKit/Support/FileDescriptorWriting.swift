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

    /// Writes all of `bytes` to `fd` (retrying short writes and `EINTR`),
    /// at the file's current offset, or at `position` (pwrite(2), which
    /// leaves the offset alone). Returns 0, or the `errno` of the failure.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at position: Int64? = nil) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = position.map { pwrite(fd, bytes.baseAddress! + offset, bytes.count - offset, off_t($0) + off_t(offset)) }
                ?? write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }
}
