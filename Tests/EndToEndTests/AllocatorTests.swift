// The pressroom executable runs on mimalloc (Sources/pressroom/Allocator.swift): linked in, it
// must come before glibc in the search order to serve malloc at all, which a build change could
// quietly undo. bench-peer reports what serves malloc, found by asking mimalloc whether a block
// malloc returned lies in its heap; preloading another allocator shows the check can fail.
import Foundation
import Testing
import TestScratch

@Test(.timeLimit(.minutes(2))) func theExecutableAllocatesWithMimalloc() throws {
    let binary = ExternalTool.repositoryRoot.appendingPathComponent(".build/debug/pressroom").path
    let data = Samples.root + "/Fixtures/records/invoices.jsonl"
    let out = Scratch.path("pressroom-allocator-\(getpid())")
    func allocator(_ environment: [String: String]) throws -> String {
        let run = try ExternalTool.run(binary, ["bench-peer", "--input", data, "--out-dir", out, "--warmup", "0", "--no-write"],
                                       environment: environment)
        #expect(run.status == 0, "\(run.errors)")
        let result = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        return try #require(result?["allocator"] as? String, "\(run.output)")
    }
    #expect(try allocator([:]).hasPrefix("mimalloc 2."))

    let jemalloc = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"
    if FileManager.default.fileExists(atPath: jemalloc) {
        #expect(try allocator(["LD_PRELOAD": jemalloc]).hasPrefix("another malloc"))
    }
}
