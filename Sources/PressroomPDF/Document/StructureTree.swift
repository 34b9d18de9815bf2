// The logical structure of a tagged PDF (ISO 32000-1 §14.7): elements collected from the
// display list's structure marks as pages are painted, each marked-content sequence (MCID) and
// link annotation filed under its element, and one Document element holding everything, as
// PDF/UA readers expect. Elements are written as the document goes: once a page is done, every
// element with nothing on it or on the page before is written out and forgotten (a statement's
// million table rows are never all in memory); the rest, the Document, the StructTreeRoot and
// its ParentTree are written at the end.
import PressroomGraphics

final class StructureTree {
    /// A child element as its parent knows it, written or not: containers read their children in
    /// key order (a page's fixed boxes above the flow first).
    private struct ChildElement {
        let reference: PDFReference
        let section: Int
        let key: StructureKey
    }

    private enum Kid {
        case element(ChildElement)
        /// A marked-content sequence: the page's index in the document and its MCID.
        case content(page: Int, mcid: Int)
        case annotation(page: Int, PDFReference)
    }

    /// A node's kids in order: most elements (a cell, a paragraph) have one, kept inline; the
    /// others go to an array.
    private struct Kids: RandomAccessCollection {
        private var first: Kid?
        private var others: [Kid] = []

        var startIndex: Int { 0 }
        var endIndex: Int { first == nil ? 0 : 1 + others.count }
        subscript(index: Int) -> Kid { index == 0 ? first! : others[index - 1] }

        mutating func append(_ kid: Kid) {
            if first == nil { first = kid } else { others.append(kid) }
        }
    }

    private struct Node {
        let element: StructureElement
        let section: Int
        let reference: PDFReference
        /// The parent's element (the Document's for a top-level one).
        let parentReference: PDFReference
        var kids = Kids()
        var hasContent = false
        /// The last page anything under the element is on.
        var lastPage: Int
    }

    private let file: PDFFileWriter
    /// Elements not written yet, by their number.
    private var nodes: [Int: Node] = [:]
    private var nextNode = 0
    /// Element keys to the nodes not written yet.
    private var index: [Section: Int] = [:]
    private var topLevel: [ChildElement] = []
    private var topLevelHaveLanguage = true
    /// Per page index: the element of each MCID.
    private var pageContent: [[PDFReference]] = []
    /// ParentTree keys (§14.7.4.4): each page's /StructParents and each annotation's /StructParent.
    private var pageKeys: [Int?] = []
    private var annotationEntries: [(key: Int, element: PDFReference)] = []
    private var nextKey = 0
    /// The StructTreeRoot and the Document element, numbered before the first element.
    private var rootReferences: (root: PDFReference, document: PDFReference)?
    /// Records combined in one file each get a section, so their keys never meet.
    private(set) var section = 0
    /// The keys of the last path filed and their nodes, for `lastPathPage` in the current
    /// section: the lines and cells painted one after another share most of their path, and its
    /// nodes are found again without hashing a key each. Forgotten when any node is written.
    private var lastPath: [StructureKey] = []
    private var lastNodes: [Int] = []
    private var lastPathPage = -1
    private var lastPathSection = -1

    private struct Section: Hashable {
        let section: Int
        let key: StructureKey
    }

    init(file: PDFFileWriter) {
        self.file = file
        // A one-page invoice has a couple of hundred elements open at once: growing to that from
        // empty reallocated both tables nine times.
        nodes.reserveCapacity(256)
        index.reserveCapacity(256)
    }

    func startSection() { section += 1 }

    /// Whether every top-level element names its language: a combined file's records are Parts,
    /// each in its record's language, so all its text has one without a document language.
    var topLevelElementsHaveLanguage: Bool { !topLevel.isEmpty && topLevelHaveLanguage }

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
        let element = node(for: path, page: page)
        let mcid = pageContent[page].count
        let (reference, role) = Self.update(&nodes[element]!) { node in
            node.kids.append(.content(page: page, mcid: mcid))
            node.hasContent = true
            return (node.reference, node.element.role)
        }
        pageContent[page].append(reference)
        return (mcid, role)
    }

    /// `body` on a node in place: one lookup in the table, where each `nodes[n]!.x` is one more.
    private static func update<Result>(_ node: inout Node, _ body: (inout Node) -> Result) -> Result { body(&node) }

    /// Files a link annotation as a Link element under the last element of `path` (or at the
    /// top level) and returns the annotation's /StructParent key.
    func addLink(_ annotation: PDFReference, under path: [StructureElement]?, page: Int) -> Int {
        let parent = path.map { node(for: $0, page: page) }
        let link = newNode(StructureElement(key: StructureKey(part: Int.max, serial: nextNode), role: .link), parent: parent, page: page)
        nodes[link]!.kids.append(.annotation(page: page, annotation))
        nodes[link]!.hasContent = true
        defer { nextKey += 1 }
        annotationEntries.append((nextKey, nodes[link]!.reference))
        return nextKey
    }

    /// The node of the last element of `path`, creating those not seen before (or already
    /// written: an element met again after it was written starts anew), each marked as reaching `page`.
    private func node(for path: [StructureElement], page: Int) -> Int {
        // The part shared with the last path: its nodes already reach this page.
        var shared = 0
        if page == lastPathPage && section == lastPathSection {
            let limit = min(path.count, lastPath.count)
            while shared < limit && path[shared].key == lastPath[shared] { shared += 1 }
        }
        lastPath.removeSubrange(shared...)
        lastNodes.removeSubrange(shared...)
        lastPathPage = page
        lastPathSection = section
        var parent: Int? = shared > 0 ? lastNodes[shared - 1] : nil
        for element in path[shared...] {
            let id = Section(section: section, key: element.key)
            if let known = index[id] {
                nodes[known]!.lastPage = max(nodes[known]!.lastPage, page)
                parent = known
            } else {
                let new = newNode(element, parent: parent, page: page)
                index[id] = new
                parent = new
            }
            lastPath.append(element.key)
            lastNodes.append(parent!)
        }
        return parent!
    }

    private func newNode(_ element: StructureElement, parent: Int?, page: Int) -> Int {
        if rootReferences == nil { rootReferences = (file.allocate(), file.allocate()) }
        let number = nextNode
        nextNode += 1
        let child = ChildElement(reference: file.allocate(), section: section, key: element.key)
        if let parent {
            nodes[parent]!.kids.append(.element(child))
        } else {
            topLevel.append(child)
            if element.language?.isEmpty ?? true { topLevelHaveLanguage = false }
        }
        let parentReference = parent.map { nodes[$0]!.reference } ?? rootReferences!.document
        nodes[number] = Node(element: element, section: section, reference: child.reference,
                             parentReference: parentReference, lastPage: page)
        return number
    }

    /// Page `page` is done: writes the elements with nothing on it or on the page before (an
    /// element such as a paragraph goes on to the next page at most), children before parents.
    /// `pages` gives the page objects of the pages done so far.
    func pageFinished(_ page: Int, pages: (Int) -> PDFReference) {
        let done = nodes.keys.filter { nodes[$0]!.lastPage < page - 1 }
        for number in done.sorted(by: >) { write(number, pages: pages) }
    }

    /// Writes node `number`'s element and forgets it (its parent knows it as a `ChildElement`).
    private func write(_ number: Int, pages: (Int) -> PDFReference) {
        guard let node = nodes.removeValue(forKey: number) else { return }
        lastPathPage = -1
        index[Section(section: node.section, key: node.element.key)] = nil
        // §14.7.2: /Pg is the page of the element's own content; MCIDs elsewhere are MCR dictionaries.
        let page = node.kids.lazy.compactMap { kid -> Int? in
            switch kid {
            case .content(let page, _), .annotation(let page, _): page
            case .element: nil
            }
        }.first
        // /Type /StructElem is optional (Table 323) and left out, as is /Pg on elements without
        // content of their own: a table of 200 cells is 200 objects, and a digital invoice has a size budget.
        // Written entry by entry, without a PDFDictionary: a digital invoice has a couple of hundred.
        file.writeDictionary(node.reference) { dictionary in
            dictionary.name("S", PDFName(node.element.role.rawValue))
            dictionary.reference("P", node.parentReference)
            if let page { dictionary.reference("Pg", pages(page)) }
            if node.hasContent {
                Self.writeKids(node.kids, into: &dictionary) { kid in
                    switch kid {
                    case .element(let child): return child.reference.object
                    case .content(let contentPage, let mcid):
                        if contentPage == page { return .integer(mcid) }
                        return .dictionary(["Type": PDFName("MCR").object, "Pg": pages(contentPage).object, "MCID": .integer(mcid)])
                    case .annotation(let annotationPage, let reference):
                        return .dictionary(["Type": PDFName("OBJR").object, "Pg": pages(annotationPage).object, "Obj": reference.object])
                    }
                }
            } else {
                // Containers read their children in key order: a page's fixed boxes above the flow first.
                // A table's million rows come in order, and go straight to their references.
                let children = node.kids.compactMap { kid -> ChildElement? in if case .element(let child) = kid { child } else { nil } }
                let inOrder = zip(children, children.dropFirst()).allSatisfy { !Self.before($1, $0) }
                Self.writeKids(inOrder ? children : Self.order(children), into: &dictionary) { $0.reference.object }
            }
            if let alt = node.element.alt { dictionary.object("Alt", .text(alt)) }
            if let language = node.element.language { dictionary.object("Lang", .text(language)) }
            if let scope = node.element.scope {
                dictionary.object("A", .dictionary(["O": PDFName("Table").object, "Scope": PDFName(scope.rawValue).object]))
            }
        }
    }

    /// /K: the one kid itself, or an array of them.
    private static func writeKids<Kids: RandomAccessCollection>(_ kids: Kids, into dictionary: inout DictionaryWriter,
                                                                _ object: (Kids.Element) -> PDFObject) {
        if kids.count == 1, let only = kids.first {
            dictionary.object("K", object(only))
        } else {
            dictionary.array("K") { elements in
                for kid in kids { elements.element(object(kid)) }
            }
        }
    }

    /// Siblings in reading order: by record, then key, then the order they came in.
    private static func order(_ children: [ChildElement]) -> [ChildElement] {
        children.enumerated().sorted { a, b in
            (a.element.section, a.element.key, a.offset) < (b.element.section, b.element.key, b.offset)
        }.map(\.element)
    }

    private static func before(_ a: ChildElement, _ b: ChildElement) -> Bool { (a.section, a.key) < (b.section, b.key) }

    /// Writes the elements not written yet, the Document element and the StructTreeRoot with its
    /// ParentTree, and returns the root. `pages` are the page objects by index.
    func write(pages: [PDFReference]) -> PDFReference {
        if rootReferences == nil { rootReferences = (file.allocate(), file.allocate()) }
        let (root, document) = rootReferences!
        for number in nodes.keys.sorted(by: >) { write(number, pages: { pages[$0] }) }
        file.write(document, .dictionary([
            "S": PDFName(StructureRole.document.rawValue).object,
            "P": root.object,
            "K": .array(Self.order(topLevel).map(\.reference.object)),
        ]))
        let parentTree = writeParentTree()
        file.write(root, .dictionary([
            "Type": PDFName("StructTreeRoot").object,
            "K": document.object,
            "ParentTree": parentTree.object,
            "ParentTreeNextKey": .integer(nextKey),
        ]))
        return root
    }

    /// Entries in one leaf of the ParentTree: a long document's tree is leaves under one root,
    /// each written on its own, rather than one object holding every MCID of every page.
    static let parentTreeLeafSize = 32

    /// The ParentTree (§14.7.4.4), a number tree (§7.9.7): page keys map to MCID-indexed arrays,
    /// annotation keys to their elements. One node when it is small; else leaves with /Limits
    /// under a root, each page's array let go once written.
    private func writeParentTree() -> PDFReference {
        enum Value { case page(Int), annotation(PDFReference) }
        var keys: [(key: Int, value: Value)] = []
        for (page, key) in pageKeys.enumerated() { if let key { keys.append((key, .page(page))) } }
        for (key, element) in annotationEntries { keys.append((key, .annotation(element))) }
        keys.sort { $0.key < $1.key }
        func nums(_ slice: ArraySlice<(key: Int, value: Value)>) -> PDFObject {
            var entries: [PDFObject] = []
            entries.reserveCapacity(slice.count * 2)
            for (key, value) in slice {
                entries.append(.integer(key))
                switch value {
                case .page(let page):
                    entries.append(.array(pageContent[page].map(\.object)))
                    pageContent[page] = []
                case .annotation(let element):
                    entries.append(element.object)
                }
            }
            return .array(entries)
        }
        let parentTree = file.allocate()
        guard keys.count > Self.parentTreeLeafSize else {
            file.write(parentTree, .dictionary(["Nums": nums(keys[...])]))
            return parentTree
        }
        var leaves: [PDFObject] = []
        for start in stride(from: 0, to: keys.count, by: Self.parentTreeLeafSize) {
            let slice = keys[start..<min(start + Self.parentTreeLeafSize, keys.count)]
            let leaf = file.allocate()
            file.write(leaf, .dictionary([
                "Limits": .array([.integer(slice.first!.key), .integer(slice.last!.key)]),
                "Nums": nums(slice),
            ]))
            leaves.append(leaf.object)
        }
        file.write(parentTree, .dictionary(["Kids": .array(leaves)]))
        return parentTree
    }

    /// The /StructParents key of page `index`, if anything on it was tagged or it has links.
    func pageKey(_ index: Int) -> Int? { index < pageKeys.count ? pageKeys[index] : nil }
}
