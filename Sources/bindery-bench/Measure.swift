import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one child process cost, from `wait4`'s resource usage.
struct Measurement: Codable {
    var wallSeconds: Double
    var cpuSeconds: Double
    /// Peak resident set size of the command itself (see `ChildProcess`).
    var peakRSSMegabytes: Double
    var exitStatus: Int32
    /// Where the child's stdout and stderr went.
    var log: String
}

/// Runs and measures child processes.
///
/// Linux charges a child, at `exec`, the peak RSS of the memory it replaces
/// (fs/exec.c, `setmax_mm_hiwater_rss`): a child spawned straight from this
/// 20-MB Swift process would report at least 20 MB. So when GNU time is
/// there, the command runs under `/usr/bin/time -f %M`, a 1-MB C program
/// whose own fork+exec carries almost nothing over, and the peak comes from
/// its report. Wall clock is taken here; CPU comes from `wait4`, which
/// includes the grandchild that `time` reaped.
enum ChildProcess {
    static let gnuTime = "/usr/bin/time"
    static var usesGNUTime: Bool { FileManager.default.isExecutableFile(atPath: gnuTime) }

    /// Runs `command[0]` with `command[1...]`, stdin from /dev/null, stdout
    /// and stderr into `log`; waits and measures it.
    static func measure(_ command: [String], log: URL, environment extra: [String: String] = [:]) throws -> Measurement {
        try start(command, log: log, environment: extra).wait()
    }

    /// A started child: `pid` to signal, `wait()` to measure it once it ends.
    struct Running {
        let pid: pid_t
        let start: Double
        let rssReport: URL
        let log: URL
        let command: String

        func wait() throws -> Measurement {
            var status: Int32 = 0
            var usage = rusage()
            while wait4(pid, &status, 0, &usage) < 0 {
                guard errno == EINTR else { throw BenchError.spawn(command, errno) }
            }
            let wall = monotonicSeconds() - start
            let cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime)
            // Both in kilobytes (getrusage(2), time(1) `%M`). time(1) puts a
            // "Command exited with non-zero status" line before the number.
            let reported = (try? String(contentsOf: rssReport, encoding: .utf8))?
                .split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            return Measurement(
                wallSeconds: wall, cpuSeconds: cpu, peakRSSMegabytes: Double(reported ?? usage.ru_maxrss) / 1024,
                exitStatus: exitCode(status), log: log.path)
        }
    }

    /// Starts the command as `measure` does, without waiting for it.
    static func start(_ command: [String], log: URL, environment extra: [String: String] = [:]) throws -> Running {
        let rssReport = log.appendingPathExtension("rss")
        try? FileManager.default.removeItem(at: rssReport)
        let arguments = usesGNUTime ? [gnuTime, "-f", "%M", "-o", rssReport.path, "--"] + command : command
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var environment = ProcessInfo.processInfo.environment
        for (key, value) in extra { environment[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.keys.sorted().map { strdup("\($0)=\(environment[$0]!)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        let start = monotonicSeconds()
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError.spawn(arguments[0], spawned) }
        return Running(pid: pid, start: start, rssReport: rssReport, log: log, command: arguments[0])
    }

    private static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000
    }

    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1_000_000_000
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case spawn(String, Int32)
    case failed(String)

    var description: String {
        switch self {
        case .usage(let text): return text
        case .spawn(let path, let code): return "cannot run \(path): \(String(cString: strerror(code)))"
        case .failed(let text): return text
        }
    }
}
