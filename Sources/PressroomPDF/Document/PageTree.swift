// The page tree (ISO 32000-1 §7.7.3.2): flat while a document has at most `fanOut` pages, as
// every invoice and letter does; above that, balanced: pages in runs of `fanOut` under
// intermediate Pages nodes, those in runs of `fanOut` under the next level, up to the root, so
// no node holds more than `fanOut` kids and a reader finds page n in a few steps even in a
// 24,000-page statement. Nodes are numbered level by level, so the same pages make the same tree.
struct PageTree {
    static let fanOut = 32

    /// One intermediate node: its kids (pages or nodes), the pages below it, its parent.
    struct Node {
        var reference: PDFReference
        var kids: [PDFReference]
        var count: Int
        var parent: PDFReference
    }

    /// Each page's parent, in page order.
    private(set) var parents: [PDFReference]
    /// The root's kids and the intermediate nodes to write.
    private(set) var rootKids: [PDFReference]
    private(set) var nodes: [Node] = []

    /// Plans the tree over `pages` under `root`, allocating the intermediate nodes in `file`.
    init(pages: [PDFReference], root: PDFReference, file: PDFFileWriter, fanOut: Int = PageTree.fanOut) {
        parents = Array(repeating: root, count: pages.count)
        guard pages.count > fanOut else {
            rootKids = pages
            return
        }
        // Level by level: the current level's items (a reference and the pages below it, and for
        // pages their index) grouped under new nodes until the root can hold them.
        var level: [(reference: PDFReference, count: Int, node: Int?)] = pages.map { ($0, 1, nil) }
        var first = true
        while level.count > fanOut {
            var next: [(reference: PDFReference, count: Int, node: Int?)] = []
            for start in stride(from: 0, to: level.count, by: fanOut) {
                let run = level[start..<min(start + fanOut, level.count)]
                let node = Node(reference: file.allocate(), kids: run.map(\.reference), count: run.reduce(0) { $0 + $1.count }, parent: root)
                nodes.append(node)
                for (offset, item) in run.enumerated() {
                    if first { parents[start + offset] = node.reference } else if let child = item.node { nodes[child].parent = node.reference }
                }
                next.append((node.reference, node.count, nodes.count - 1))
            }
            level = next
            first = false
        }
        rootKids = level.map(\.reference)
    }

    /// Writes the root and the intermediate nodes; `count` is the number of pages.
    func write(root: PDFReference, count: Int, to file: PDFFileWriter) {
        file.write(root, .dictionary([
            "Type": PDFName("Pages").object,
            "Kids": .array(rootKids.map(\.object)),
            "Count": .integer(count),
        ]))
        for node in nodes {
            file.write(node.reference, .dictionary([
                "Type": PDFName("Pages").object,
                "Parent": node.parent.object,
                "Kids": .array(node.kids.map(\.object)),
                "Count": .integer(node.count),
            ]))
        }
    }
}
