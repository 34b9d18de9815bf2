// Layout model basics.
import Testing
@testable import PressroomLayout

@Test func errorsSayWhereTheyHappened() {
    let error = LayoutError(.missingField, "the record has no customer name", at: SourceLocation(file: "invoice.yaml", line: 12, column: 9),
                            dataPath: "$.customer.name").inRecord(3)
    #expect(error.description == "record 3: invoice.yaml:12:9: $.customer.name: the record has no customer name")
}
