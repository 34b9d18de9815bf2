// Writing a finished file so that nothing half-written is ever left under its name: the bytes go
// to a temporary file in the same folder, which is renamed over the name only once it is
// complete (rename is atomic within a file system). A failure removes the temporary file and
// leaves an earlier file of that name as it was. `durable` also flushes the file and its folder
// to the disk before returning; otherwise a batch flushes once at its end (`AtomicFile.sync`).
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum AtomicFile {
    /// Writes `bytes` to `path`, whole or not at all.
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = false) throws(RecordFailure) {
        let (folder, name) = split(path)
        let temporary = folder + "/" + temporaryPrefix(name) + "\(getpid()).\(UInt32.random(in: 0...UInt32.max)).part"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, errno) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw failure(path, code)
            }
            written += count
        }
        if durable && fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            unlink(temporary)
            throw failure(path, code)
        }
        if close(descriptor) != 0 {
            let code = errno
            unlink(temporary)
            throw failure(path, code)
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw failure(path, code)
        }
        if durable { sync(folder: folder) }
    }

    /// The folder a file path names ("." for a bare name) and the file's name in it: plain string
    /// work, since Foundation's URL took a tenth of the time of writing a one-page PDF.
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return (".", path) }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[path.index(after: slash)...]))
    }

    private static func temporaryPrefix(_ name: String) -> String { "." + String(name.prefix(80)) + "." }

    /// Removes the temporary files a process killed while writing `path` left behind (the
    /// caller knows no one else is writing it now, e.g. a record taken back from a dead worker).
    public static func removeLeftovers(of path: String) {
        let (folder, name) = split(path)
        let prefix = temporaryPrefix(name)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".part") {
            unlink(folder + "/" + name)
        }
    }

    /// Flushes written files to the disk, and the folder's names of them (once per batch: sync(2)
    /// covers every file written before it).
    public static func sync(folder: String) {
        Glibc.sync()
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// What the system said, in words a person can act on.
    static func failure(_ path: String, _ code: Int32) -> RecordFailure {
        let reason: String
        switch code {
        case ENOSPC, EDQUOT: reason = "the disk is full (or the quota is used up); free some space and render again"
        case EFBIG: reason = "the file is larger than this process may write (ulimit -f)"
        case EACCES, EPERM, EROFS: reason = "the folder is not writable; choose another output folder or fix its permissions"
        case ENOENT: reason = "its folder does not exist"
        case ENOTDIR: reason = "a part of the path is a file, not a folder"
        case EISDIR: reason = "a folder of that name is in the way"
        case ENAMETOOLONG: reason = "the name is too long for the file system"
        case EIO: reason = "the disk reported an input/output error"
        default: reason = String(cString: strerror(code))
        }
        return .output(path: path, reason: reason)
    }
}
