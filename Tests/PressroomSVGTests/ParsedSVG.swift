// Test support: an SVG read back with FoundationXML's XMLParser (so "well-formed" is judged by a real
// XML parser), as its elements in document order, and pages built from bundled fonts and fixtures.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PressroomGraphics
import PressroomText

struct ParsedSVG {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// Names of the enclosing elements, outermost first.
        var ancestors: [String]
    }

    var elements: [Element] = []

    /// Parses `text`; the parser's error when it is not well-formed XML.
    static func parse(_ text: String) -> Result<ParsedSVG, Error> {
        let delegate = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        // swift-corelibs' parse() can return true after an error (it recovers); the error is kept.
        let parsed = parser.parse()
        if let error = parser.parserError ?? delegate.error { return .failure(error) }
        guard parsed else { return .failure(NSError(domain: "ParsedSVG", code: 1)) }
        return .success(ParsedSVG(elements: delegate.elements))
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var stack: [String] = []
        var error: Error?
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = error ?? parseError }
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, ancestors: stack))
            stack.append(name)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
    }
}

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }

    static let registry = Result { try FontRegistry.bundled() }

    /// `text` set on one line in Noto Sans (or `style`), as a typeset paragraph.
    static func paragraph(_ text: String, style: TextStyle = TextStyle(size: 10)) throws -> TypesetParagraph {
        try Typesetter(registry: try registry.get()).typeset([TextSpan(text, style: style)], width: .greatestFiniteMagnitude)
    }

    /// A page with `text` at (50, 100) in `colour`.
    static func page(_ text: String, colour: Swatch = .black, style: TextStyle = TextStyle(size: 10)) throws -> Page {
        var page = Page(size: .a4)
        page.add(try paragraph(text, style: style), at: Point(x: 50, y: 100)) { _ in colour }
        return page
    }

    static func face(_ path: String) throws -> FontFace {
        try FontFace.load(path: root.appendingPathComponent(path).path)[0]
    }
}
