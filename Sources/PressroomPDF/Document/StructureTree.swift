// The logical structure of a tagged PDF (ISO 32000-1 §14.7): elements collected from the
// display list's structure marks as pages are painted, each marked-content sequence (MCID) and
// link annotation filed under its element, and written at the end as the StructTreeRoot with its
// ParentTree. One Document element holds everything, as PDF/UA readers expect.
import PressroomGraphics

final class StructureTree {
    private enum Kid {
        case element(Int)
        /// A marked-content sequence: the page's index in the document and its MCID.
        case content(page: Int, mcid: Int)
        case annotation(page: Int, PDFReference)
    }

    private struct Node {
        let element: StructureElement
        let section: Int
        /// nil: a child of the Document element.
        let parent: Int?
        var kids: [Kid] = []
        var hasContent = false
    }

    private var nodes: [Node] = []
    private var index: [Section: Int] = [:]
    private var topLevel: [Int] = []
    /// Per page index: the element of each MCID.
    private var pageContent: [[Int]] = []
    /// ParentTree keys (§14.7.4.4): each page's /StructParents and each annotation's /StructParent.
    private var pageKeys: [Int?] = []
    private var annotationEntries: [(key: Int, element: Int)] = []
    private var nextKey = 0
    /// Records combined in one file each get a section, so their keys never meet.
    private(set) var section = 0

    private struct Section: Hashable {
        let section: Int
        let key: StructureKey
    }

    func startSection() { section += 1 }

    /// Whether every top-level element names its language: a combined file's records are Parts,
    /// each in its record's language, so all its text has one without a document language.
    var topLevelElementsHaveLanguage: Bool {
        !topLevel.isEmpty && topLevel.allSatisfy { !(nodes[$0].element.language?.isEmpty ?? true) }
    }

    /// The page's /StructParents key, allocated when its first stream is painted.
    func parentKey(ofPage page: Int) -> Int {
        while pageKeys.count <= page { pageKeys.append(nil); pageContent.append([]) }
        if let key = pageKeys[page] { return key }
        defer { nextKey += 1 }
        pageKeys[page] = nextKey
        return nextKey
    }

    /// Files a new marked-content sequence on `page` under the last element of `path` (creating
    /// the elements of the path not seen before) and returns its MCID and the element's role.
    func addContent(_ path: [StructureElement], page: Int) -> (mcid: Int, role: StructureRole) {
        _ = parentKey(ofPage: page)
        let element = node(for: path)
        let mcid = pageContent[page].count
        pageContent[page].append(element)
        nodes[element].kids.append(.content(page: page, mcid: mcid))
        nodes[element].hasContent = true
        return (mcid, nodes[element].element.role)
    }

    /// Files a link annotation as a Link element under the last element of `path` (or at the
    /// top level) and returns the annotation's /StructParent key.
    func addLink(_ annotation: PDFReference, under path: [StructureElement]?, page: Int) -> Int {
        let parent = path.map { node(for: $0) }
        let link = nodes.count
        nodes.append(Node(element: StructureElement(key: StructureKey(part: Int.max, serial: link), role: .link),
                          section: section, parent: parent))
        if let parent {
            nodes[parent].kids.append(.element(link))
        } else {
            topLevel.append(link)
        }
        nodes[link].kids.append(.annotation(page: page, annotation))
        nodes[link].hasContent = true
        defer { nextKey += 1 }
        annotationEntries.append((nextKey, link))
        return nextKey
    }

    private func node(for path: [StructureElement]) -> Int {
        var parent: Int?
        for element in path {
            let id = Section(section: section, key: element.key)
            if let known = index[id] {
                parent = known
                continue
            }
            let new = nodes.count
            nodes.append(Node(element: element, section: section, parent: parent))
            index[id] = new
            if let parent { nodes[parent].kids.append(.element(new)) } else { topLevel.append(new) }
            parent = new
        }
        return parent!
    }

    var isEmpty: Bool { nodes.isEmpty }

    /// Writes the tree and returns the StructTreeRoot. `pages` are the page objects by index.
    func write(to file: PDFFileWriter, pages: [PDFReference]) -> PDFReference {
        let root = file.allocate()
        let document = file.allocate()
        let references = nodes.map { _ in file.allocate() }
        func order(_ kids: [Int]) -> [Int] {
            kids.enumerated().sorted { a, b in
                let (x, y) = (nodes[a.element], nodes[b.element])
                return (x.section, x.element.key, a.offset) < (y.section, y.element.key, b.offset)
            }.map(\.element)
        }
        for (number, node) in nodes.enumerated() {
            // §14.7.2: /Pg is the page of the element's own content; MCIDs elsewhere are MCR dictionaries.
            let page = node.kids.lazy.compactMap { kid -> Int? in
                switch kid {
                case .content(let page, _), .annotation(let page, _): page
                case .element: nil
                }
            }.first
            var kids = node.kids
            if !node.hasContent {
                // Containers read their children in key order: a page's fixed boxes above the flow first.
                let ordered = order(kids.compactMap { if case .element(let child) = $0 { child } else { nil } })
                kids = ordered.map { .element($0) }
            }
            let objects: [PDFObject] = kids.map { kid in
                switch kid {
                case .element(let child): return references[child].object
                case .content(let contentPage, let mcid):
                    if contentPage == page { return .integer(mcid) }
                    return .dictionary(["Type": PDFName("MCR").object, "Pg": pages[contentPage].object, "MCID": .integer(mcid)])
                case .annotation(let annotationPage, let reference):
                    return .dictionary(["Type": PDFName("OBJR").object, "Pg": pages[annotationPage].object, "Obj": reference.object])
                }
            }
            // /Type /StructElem is optional (Table 323) and left out, as is /Pg on elements without
            // content of their own: a table of 200 cells is 200 objects, and a digital invoice has a size budget.
            var dictionary: PDFDictionary = [
                "S": PDFName(node.element.role.rawValue).object,
                "P": (node.parent.map { references[$0] } ?? document).object,
            ]
            if let page { dictionary["Pg"] = pages[page].object }
            dictionary["K"] = objects.count == 1 ? objects[0] : .array(objects)
            if let alt = node.element.alt { dictionary["Alt"] = .text(alt) }
            if let language = node.element.language { dictionary["Lang"] = .text(language) }
            if let scope = node.element.scope {
                dictionary["A"] = .dictionary(["O": PDFName("Table").object, "Scope": PDFName(scope.rawValue).object])
            }
            file.write(references[number], .dictionary(dictionary))
        }
        file.write(document, .dictionary([
            "S": PDFName(StructureRole.document.rawValue).object,
            "P": root.object,
            "K": .array(order(topLevel).map { references[$0].object }),
        ]))
        // §7.9.7 number tree, one level: page keys map to MCID-indexed arrays, annotation keys to elements.
        var entries: [(Int, PDFObject)] = []
        for (page, key) in pageKeys.enumerated() {
            guard let key else { continue }
            entries.append((key, .array(pageContent[page].map { references[$0].object })))
        }
        for (key, element) in annotationEntries { entries.append((key, references[element].object)) }
        entries.sort { $0.0 < $1.0 }
        let parentTree = file.allocate()
        file.write(parentTree, .dictionary(["Nums": .array(entries.flatMap { [.integer($0.0), $0.1] })]))
        file.write(root, .dictionary([
            "Type": PDFName("StructTreeRoot").object,
            "K": document.object,
            "ParentTree": parentTree.object,
            "ParentTreeNextKey": .integer(nextKey),
        ]))
        return root
    }

    /// The /StructParents key of page `index`, if anything on it was tagged or it has links.
    func pageKey(_ index: Int) -> Int? { index < pageKeys.count ? pageKeys[index] : nil }
}
