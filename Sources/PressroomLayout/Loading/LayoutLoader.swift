// A layout file from YAML: its header (name, theme, locale, currency, title, file name, e-invoice
// profile), the page setup with its first and following page templates, and the flow of blocks.

enum LayoutLoader {
    static let keys = ["layout", "theme", "locale", "currency", "title", "file-name", "e-invoice", "page", "flow"]

    static func layout(_ root: YAMLValue) throws(LayoutError) -> Layout {
        let layout = try FileKind.layout.header(of: root)
        try layout.checkKeys(allowed: keys, in: "a layout")
        let pages = try PageLoader.pages(layout["page"])
        var loaded = Layout(name: try layout.required("layout", in: "a layout").text(),
                      location: layout.location,
                      theme: try layout.required("theme", in: "a layout", example: "theme: brand").text(),
                      locale: try layout["locale"]?.template(),
                      currency: try layout["currency"]?.template(),
                      title: try layout["title"]?.template(),
                      fileName: try layout["file-name"]?.template(),
                      page: pages.setup, first: pages.first, following: pages.following,
                      flow: try layout.optional("flow") { v throws(LayoutError) in try BlockLoader.blocks(v) } ?? [])
        loaded.eInvoice = try layout["e-invoice"]?.choice(["minimum": .minimum, "basic": .basic, "en16931": .en16931])
        return loaded
    }
}
