// `pressroom watch` in a real browser: Tests/Browser/watch_preview_test.py serves a copy of
// Layouts/ to headless Chromium over the DevTools protocol, edits it, and checks that every change
// reaches the open page within 2 s without a reload, that a broken layout shows its location while
// the last good pages stay, and that /document.pdf is a PDF. Chromium, python3 and websocket-client
// must be installed; a missing one fails the test, it never skips it.
import Foundation
import Testing

@Test func watchPreviewUpdatesTheOpenPageWithoutReloading() throws {
    let root = ExternalTool.repositoryRoot
    let binary = root.appendingPathComponent(".build/debug/pressroom").path
    try #require(FileManager.default.isExecutableFile(atPath: binary), "build the pressroom executable first (swift build)")
    let script = root.appendingPathComponent("Tests/Browser/watch_preview_test.py").path
    let result = try ExternalTool.run("python3", [script, "--pressroom", binary], mergeErrors: true)
    #expect(result.status == 0, "watch_preview_test.py exited with status \(result.status):\n\(result.output)")
}
