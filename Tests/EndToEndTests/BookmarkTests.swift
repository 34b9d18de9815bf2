// Bookmarks of a multi-page statement: the transactions and summary sections and the first
// transaction of every month, each opening the page where that row is printed.
import Foundation
import PressroomLayout
import Testing

@Test func aStatementHasABookmarkForEachSectionAndMonthOnTheRightPage() throws {
    let record = try Samples.records("statements.jsonl")[0]
    let document = try Samples.renderer("statement").plainPDF(record)
    #expect(document.pageCount > 1)
    let path = try Samples.write(document, "statement-bookmarks")
    let script = """
    import pikepdf, sys
    pdf = pikepdf.open(sys.argv[1])
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    with pdf.open_outline() as outline:
        for item in outline.root:
            print(f"{pages[item.destination[0].objgen] + 1}\\t{item.title}")
    """
    let result = try ExternalTool.run("python3", ["-c", script, path])
    #expect(result.status == 0, "\(result.errors)")
    let items = result.output.split(separator: "\n").map { line -> (page: Int, title: String) in
        let parts = line.split(separator: "\t", maxSplits: 1)
        return (Int(parts[0]) ?? 0, String(parts.count > 1 ? parts[1] : ""))
    }
    let labels = try Samples.library.get().labels
    let language = Samples.string(record["language"])
    #expect(items.first?.title == labels.text("transactions", locale: language), "\(items)")
    #expect(items.last?.title == labels.text("summary", locale: language), "\(items)")

    // One bookmark per month, in order, each on the page that prints the month's first transaction.
    let transactions = record["transactions"]!.elements
    var firstOfMonth: [(month: String, reference: String)] = []
    for transaction in transactions {
        let month = String(Samples.string(transaction["date"]).prefix(7))
        if firstOfMonth.last?.month != month { firstOfMonth.append((month, Samples.string(transaction["reference"]))) }
    }
    let months = Array(items.dropFirst().dropLast())
    #expect(months.count == firstOfMonth.count, "\(months) for \(firstOfMonth.map(\.month))")
    let pages = try Samples.pages(path)
    for (bookmark, first) in zip(months, firstOfMonth) {
        #expect(pages[bookmark.page - 1].contains(first.reference),
                "\(bookmark.title) points at page \(bookmark.page), where \(first.reference) (\(first.month)) is not")
    }
}
