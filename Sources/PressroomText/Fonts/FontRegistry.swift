// The fonts a document may use: bundled and user-supplied faces, matched by family, weight and
// style, and the fallback order used when a face lacks a glyph. Shared by every worker: its
// faces and the matches worked out from them sit behind one mutex, which the compiler checks.
import Foundation
import Synchronization

public final class FontRegistry: Sendable {
    private struct State {
        var faces: [FontFace] = []
        /// Fallback chains already worked out, per primary face; cleared when the fonts change.
        var chains: [ObjectIdentifier: [FontFace]] = [:]
        /// Faces already matched, per request; cleared when the fonts change.
        var matches: [FaceRequest: FontFace?] = [:]
        /// Counts registrations: an answer worked out outside the lock is kept only if no face
        /// was registered meanwhile.
        var generation = 0

        mutating func add(_ added: [FontFace]) {
            faces.append(contentsOf: added)
            chains.removeAll()
            matches.removeAll()
            generation += 1
        }
    }

    private let state = Mutex(State())
    /// Families tried, in order, for a character the requested face cannot draw; fixed when the
    /// registry is made, so every worker sees the same order.
    public let fallbackFamilies: [String]

    public init(fallbackFamilies: [String] = FontRegistry.defaultFallbackFamilies) {
        self.fallbackFamilies = fallbackFamilies
    }

    public static let defaultFallbackFamilies = [
        "Noto Sans", "Noto Serif", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Mono",
    ]

    /// A registry holding the families bundled in `Fonts/`.
    public static func bundled() throws(FontError) -> FontRegistry {
        let registry = FontRegistry()
        try registry.register(directory: BundledFonts.directory)
        return registry
    }

    public var allFaces: [FontFace] { state.withLock { $0.faces } }

    public var families: [String] {
        var seen: [String] = []
        for face in allFaces where !seen.contains(face.familyName) { seen.append(face.familyName) }
        return seen
    }

    public func register(_ face: FontFace) { state.withLock { $0.add([face]) } }

    /// Registers every face of a .ttf, .otf or .ttc file.
    @discardableResult
    public func register(file path: String) throws(FontError) -> [FontFace] {
        let loaded = try FontFace.load(path: path)
        state.withLock { $0.add(loaded) }
        return loaded
    }

    /// Registers every font file below a directory, in sorted path order (deterministic).
    public func register(directory: String) throws(FontError) {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else {
            throw .unreadable(source: directory)
        }
        let fontFiles = enumerator.compactMap { $0 as? String }
            .filter { ["ttf", "otf", "ttc", "otc"].contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted()
        for file in fontFiles { try register(file: directory + "/" + file) }
    }

    /// The face of `family` nearest to the requested weight and style (CSS Fonts §5.2 matching:
    /// style first, then the nearest weight, preferring heavier for bold requests).
    public func face(family: String, weight: Int = 400, italic: Bool = false) -> FontFace? {
        let key = FaceRequest(family: family, weight: weight, italic: italic)
        let (known, generation) = state.withLock { ($0.matches[key], $0.generation) }
        if let known { return known }
        let found = match(family: family, weight: weight, italic: italic)
        state.withLock { if $0.generation == generation { $0.matches[key] = found } }
        return found
    }

    private struct FaceRequest: Hashable {
        var family: String
        var weight: Int
        var italic: Bool
    }

    private func match(family: String, weight: Int, italic: Bool) -> FontFace? {
        let wanted = family.lowercased()
        let candidates = allFaces.filter { $0.familyName.lowercased() == wanted }
        guard !candidates.isEmpty else { return nil }
        let styled = candidates.filter { $0.isItalic == italic }
        let pool = styled.isEmpty ? candidates : styled
        return pool.min { distance($0.weight, weight) < distance($1.weight, weight) }
    }

    private func distance(_ have: Int, _ want: Int) -> Int {
        // Lighter faces lose ties for bold requests and heavier ones for light requests.
        let gap = abs(have - want) * 2
        if want >= 500 { return have < want ? gap + 1 : gap }
        return have > want ? gap + 1 : gap
    }

    /// The faces to try for a character, in order: the requested face, then the fallback families
    /// in the same weight and style, then every other registered face.
    public func fallbackChain(for primary: FontFace) -> [FontFace] {
        let (known, generation) = state.withLock { ($0.chains[ObjectIdentifier(primary)], $0.generation) }
        if let known { return known }
        var chain = [primary]
        for family in fallbackFamilies {
            if let face = face(family: family, weight: primary.weight, italic: primary.isItalic), !chain.contains(face) {
                chain.append(face)
            }
        }
        for face in allFaces where !chain.contains(face) { chain.append(face) }
        state.withLock { if $0.generation == generation { $0.chains[ObjectIdentifier(primary)] = chain } }
        return chain
    }
}

/// Where the bundled `Fonts/` folder is: `PRESSROOM_FONTS`, else `./Fonts`, else the source tree's.
public enum BundledFonts {
    public static var directory: String {
        if let path = ProcessInfo.processInfo.environment["PRESSROOM_FONTS"] { return path }
        let local = FileManager.default.currentDirectoryPath + "/Fonts"
        if FileManager.default.fileExists(atPath: local + "/NotoSans") { return local }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fonts").path
    }
}
