// The document outline (bookmarks, ISO 32000-1 §12.3.3): top-level items, each opening its page
// where the item points (the top by default), each with children of its own: the records of a
// combined file with their statements' sections and months under them.

struct DocumentOutline {
    struct Item {
        let title: String
        /// 0-based page index.
        let page: Int
        /// Points from the page's top edge where the view opens; nil for the top.
        var top: Double? = nil
        /// Shown closed: a combined file's records list their own bookmarks when opened.
        var children: [Item] = []
    }

    var items: [Item] = []

    /// Every item, children included.
    var all: [Item] { items.flatMap { [$0] + DocumentOutline(items: $0.children).all } }

    /// Writes the outline dictionary and its items; nil when there are none. `page` gives a
    /// page's reference and height for an index.
    func write(to file: PDFFileWriter, page: (Int) -> (PDFReference, Double)) -> PDFReference? {
        guard !items.isEmpty else { return nil }
        let root = file.allocate()
        let references = items.map { _ in file.allocate() }
        file.write(root, .dictionary([
            "Type": PDFName("Outlines").object,
            "First": references[0].object,
            "Last": references[references.count - 1].object,
            "Count": .integer(items.count),
        ]))
        write(items, references: references, parent: root, to: file, page: page)
        return root
    }

    private func write(_ items: [Item], references: [PDFReference], parent: PDFReference, to file: PDFFileWriter,
                       page: (Int) -> (PDFReference, Double)) {
        for (index, item) in items.enumerated() {
            let (pageReference, height) = page(item.page)
            // §7.9.2.2: PDFDocEncoding for ASCII titles, UTF-16BE with a byte-order mark otherwise.
            var dictionary: PDFDictionary = ["Title": .text(item.title), "Parent": parent.object]
            if index > 0 { dictionary["Prev"] = references[index - 1].object }
            if index + 1 < items.count { dictionary["Next"] = references[index + 1].object }
            // §12.3.2.2: /XYZ left top zoom; a null zoom keeps the viewer's.
            let top = height - max(0, (item.top ?? 0) - 12)  // a little above the entry, so it is in view
            dictionary["Dest"] = .array([pageReference.object, PDFName("XYZ").object, 0, .real(min(height, top)), .null])
            let children = item.children.map { _ in file.allocate() }
            if !children.isEmpty {
                dictionary["First"] = children[0].object
                dictionary["Last"] = children[children.count - 1].object
                // §12.3.3 Table 153: a negative count is a closed item with that many descendants below.
                dictionary["Count"] = .integer(-DocumentOutline(items: item.children).all.count)
            }
            file.write(references[index], .dictionary(dictionary))
            write(item.children, references: children, parent: references[index], to: file, page: page)
        }
    }
}
