// Layouts, themes and record data read images only from the layouts folder and the folders the
// caller allows: an absolute path, `../` or a link out of it is refused with the same words as a
// file that is not there, so an error tells nothing about the machine; a device is never read.
import Foundation
import PressroomGraphics
import PressroomText
import Testing
@testable import PressroomLayout
import TestScratch

private let pictureLayout = """
layout: picture
theme: brand
page:
  first:
    body: { top: 20mm, right: 20mm, bottom: 20mm, left: 20mm }
flow:
  - text: "{{ number }}"
  - image: "{{ picture }}"
    width: 20mm
"""

private func render(_ picture: String, library: LayoutLibrary, allowing: [String] = []) throws(LayoutError) -> [Page] {
    let layout = try library.layout(named: "picture")
    let renderer = try DocumentRenderer(library: library, layout: layout, theme: try library.theme(named: layout.theme),
                                        registry: try! FontRegistry.bundled(), allowedPaths: allowing)
    let record = try! DataValue.parseJSON(Array("{\"number\": \"1\", \"picture\": \(String(reflecting: picture))}".utf8))
    return try renderer.pages(for: record)
}

@Test func imagesAreReadOnlyFromTheLayoutsFolderAndAllowedFolders() throws {
    let library = try library(with: pictureLayout, named: "picture")
    let outside = Scratch.url("pressroom-outside-\(getpid())")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    let logo = URL(fileURLWithPath: library.directory).appendingPathComponent("logos").path
    let logoFile = try #require(FileManager.default.contentsOfDirectory(atPath: logo).first { $0.hasSuffix(".png") })
    try? FileManager.default.removeItem(at: outside.appendingPathComponent("secret.png"))
    try FileManager.default.copyItem(atPath: logo + "/" + logoFile, toPath: outside.appendingPathComponent("secret.png").path)
    try? FileManager.default.removeItem(atPath: library.directory + "/out")
    try FileManager.default.createSymbolicLink(atPath: library.directory + "/out", withDestinationPath: outside.path)

    #expect(try render("logos/" + logoFile, library: library).count == 1, "an image of the layouts folder")
    var messages: [String] = []
    for path in [outside.path + "/secret.png", "../" + outside.lastPathComponent + "/secret.png", "out/secret.png", "/etc/hostname",
                 "/dev/zero", "logos/missing.png"] {
        do {
            _ = try render(path, library: library)
            Issue.record("\(path) was read")
        } catch {
            #expect(error.kind == .resource && error.location?.file == "picture.yaml", "\(error)")
            messages.append(error.message.replacingOccurrences(of: path, with: "PATH"))
        }
    }
    #expect(Set(messages).count == 1, "one answer for missing and not allowed: \(Set(messages))")
    #expect(!messages[0].contains("/etc") && !messages[0].contains(outside.path))
    #expect(try render(outside.path + "/secret.png", library: library, allowing: [outside.path]).count == 1, "a folder the caller allows")
}

/// One broken theme file breaks only the layouts that use that theme: the others load and render,
/// and asking for the broken one gives its error at its line.
@Test func aBrokenThemeBreaksOnlyItsLayouts() throws {
    let library = try library(with: pictureLayout, named: "picture", files: ["themes/broken.yaml": "theme: broken\ncolours: [unclosed\n"])
    #expect(library.brokenThemes.keys.sorted() == ["broken"])
    let invoice = try library.layout(named: "invoice")
    _ = try library.theme(named: invoice.theme)
    do {
        _ = try library.theme(named: "broken")
        Issue.record("the broken theme loaded")
    } catch {
        #expect(error.location?.file == "themes/broken.yaml" && error.kind == .syntax, "\(error)")
    }
}

/// The upload check (the service refuses a file naming a path outside the layouts folder) finds
/// such values and passes every bundled file, prose with slashes included.
@Test func pathsLeavingTheLayoutsFolderAreFoundAndTheBundledFilesHaveNone() throws {
    let found = try FolderConfinement.escapingPaths(in: "layout: x\nlogo: /etc/passwd\nitems:\n  - src: logos/../../secret.png\n  - text: \"and/or 1/2 / \"\n",
                                                    file: "x.yaml")
    #expect(found.map { $0.location?.line } == [2, 4])
    #expect(FolderConfinement.leavesFolder("~/keys") && FolderConfinement.leavesFolder("file:///etc") && !FolderConfinement.leavesFolder("logos/brand.png"))
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Layouts")
    let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("schema/") }
    #expect(files.count > 20)
    for file in files {
        let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
        #expect(try FolderConfinement.escapingPaths(in: text, file: file).isEmpty, "\(file)")
    }
}
