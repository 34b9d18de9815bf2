// Runs the third-party programs the end-to-end tests judge PDFs with, and locates shared/ (the
// sibling of the repository root, or PRESSROOM_SHARED); a missing tool is an error, never a skip.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum ExternalToolError: Error, CustomStringConvertible {
    case sharedDirectoryMissing(path: String)
    case toolMissing(path: String, hint: String)
    case launchFailed(command: String, reason: String)
    case failed(command: String, status: Int32, output: String)

    var description: String {
        switch self {
        case .sharedDirectoryMissing(let path):
            "shared/ not found at \(path): check out the shared tools beside the repository, or set PRESSROOM_SHARED"
        case .toolMissing(let path, let hint):
            "\(path) not found: \(hint)"
        case .launchFailed(let command, let reason):
            "could not start `\(command)`: \(reason)"
        case .failed(let command, let status, let output):
            "`\(command)` exited with status \(status): \(output.suffix(2000))"
        }
    }
}

struct ToolOutput {
    var status: Int32
    /// Standard output (and standard error, when merged).
    var output: String
    var errors: String
}

enum ExternalTool {
    /// The repository root: this file is Tests/EndToEndTests/Support/ExternalTool.swift.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `shared/`: PRESSROOM_SHARED, else the repository root's sibling.
    static func sharedDirectory() throws -> URL {
        let url = ProcessInfo.processInfo.environment["PRESSROOM_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExternalToolError.sharedDirectoryMissing(path: url.path)
        }
        return url
    }

    /// Runs a program that starts a server in the background and returns (`--background`), with
    /// its output in `log`. Spawned with posix_spawn and reaped with waitpid, not with Process:
    /// Foundation hands its child a descriptor it watches for the child's end, and the server the
    /// program leaves running would inherit it, so Process would wait for the server to stop.
    static func startServer(_ executable: String, _ arguments: [String], log: String) throws -> ToolOutput {
        let pid = try spawn(executable, arguments, log: log, append: false)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return ToolOutput(status: exited, output: output, errors: "")
    }

    /// Starts `executable` (a path) with posix_spawn, its output and errors in `log`, and returns
    /// its process id; the caller reaps it.
    static func spawn(_ executable: String, _ arguments: [String], log: String, append: Bool) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC), 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The child starts with no signal blocked and default handlers: a spawned process inherits
        // the calling thread's mask, and the test runner's threads block SIGTERM and SIGINT, so a
        // server started from one ignored `--stop` and outlived the tests.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw ExternalToolError.launchFailed(command: executable, reason: String(cString: strerror(spawned)))
        }
        return pid
    }

    /// Runs `executable` (a path, or a name looked up on PATH) and waits for it.
    /// `mergeErrors` sends standard error into `output`, in order, as a terminal would show it.
    static func run(_ executable: String, _ arguments: [String], mergeErrors: Bool = false,
                    environment extra: [String: String] = [:]) throws -> ToolOutput {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        }
        process.arguments = executable.contains("/") ? arguments : [executable] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = mergeErrors ? stdout : stderr
        let command = ([executable] + arguments).joined(separator: " ")
        do { try process.run() } catch {
            throw ExternalToolError.launchFailed(command: command, reason: "\(error)")
        }
        // Drain standard error on another thread so neither pipe can fill up and block the tool.
        let errorData = LockedData()
        let drain = Thread { errorData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
        if !mergeErrors { drain.start() }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if !mergeErrors { errorData.wait() }
        return ToolOutput(status: process.terminationStatus,
                          output: String(decoding: outputData, as: UTF8.self),
                          errors: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// Bytes handed from the draining thread, with a semaphore to wait for them.
private final class LockedData: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private(set) var value = Data()
    func set(_ data: Data) { value = data; done.signal() }
    func wait() { done.wait() }
}
