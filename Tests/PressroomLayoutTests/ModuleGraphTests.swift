// The module boundary that keeps layout a producer of values: PressroomLayout must not reach
// PressroomPDF, neither by an import in its sources nor through the targets it depends on
// (read from Package.swift, transitively).
import Foundation
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Each target's dependencies as Package.swift declares them (names in quotes inside the
/// target's `dependencies: [...]`; products of other packages count as their names).
private func targetDependencies() throws -> [String: Set<String>] {
    let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
    var graph: [String: Set<String>] = [:]
    let target = try Regex(#"\.(?:target|executableTarget|testTarget|systemLibrary)\(name:\s*"([^"]+)"(.*?)\)\s*,\s*(?:\n|//)"#)
        .dotMatchesNewlines()
    for match in manifest.matches(of: target) {
        guard let name = match.output[1].substring, let rest = match.output[2].substring else { continue }
        var dependencies: Set<String> = []
        if let list = rest.range(of: "dependencies:") {
            let tail = rest[list.upperBound...]
            var depth = 0
            var body = ""
            for character in tail {
                if character == "[" { depth += 1; if depth == 1 { continue } }
                if character == "]" { depth -= 1; if depth == 0 { break } }
                if depth >= 1 { body.append(character) }
            }
            for quoted in body.matches(of: try Regex(#""([^"]+)""#)) {
                if let dependency = quoted.output[1].substring { dependencies.insert(String(dependency)) }
            }
        }
        graph[String(name)] = dependencies
    }
    return graph
}

private func reachable(from start: String, in graph: [String: Set<String>]) -> Set<String> {
    var seen: Set<String> = []
    var stack = [start]
    while let next = stack.popLast() {
        for dependency in graph[next] ?? [] where seen.insert(dependency).inserted { stack.append(dependency) }
    }
    return seen
}

@Test func layoutDependsOnNoPDFTarget() throws {
    let graph = try targetDependencies()
    #expect(graph["PressroomLayout"] != nil, "Package.swift was read: \(graph.keys.sorted())")
    #expect(graph["PressroomProduction"]?.contains("PressroomPDF") == true, "the reader sees dependencies")
    let reached = reachable(from: "PressroomLayout", in: graph)
    #expect(reached.contains("PressroomGraphics"))
    #expect(!reached.contains("PressroomPDF"), "PressroomLayout reaches PressroomPDF through \(reached.sorted())")
    #expect(!reached.contains("PressroomProduction") && !reached.contains("PressroomSVG"))
}

@Test func layoutSourcesImportNoPDFModule() throws {
    let folder = root.appendingPathComponent("Sources/PressroomLayout")
    let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    #expect(files.count > 20)
    for file in files {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        for line in text.split(separator: "\n") where line.contains("import ") {
            let module = line.split(separator: " ").last.map(String.init) ?? ""
            #expect(!["PressroomPDF", "PressroomProduction", "PressroomSVG", "CZlib", "CLibDeflate"].contains(module),
                    "\(file): \(line)")
        }
    }
}
