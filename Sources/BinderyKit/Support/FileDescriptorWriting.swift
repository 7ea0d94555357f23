#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum FileDescriptorWriting {
    /// Writes all of `bytes` to `fd` (retrying short writes and `EINTR`),
    /// then closes it. Returns 0, or the `errno` of the first failure.
    static func writeAllAndClose(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var failure: Int32 = 0
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += written
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        return failure
    }
}
