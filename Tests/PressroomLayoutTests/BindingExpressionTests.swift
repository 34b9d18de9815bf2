// Expressions: syntax and its errors, paths, scopes (innermost first, then labels, then the
// record), conditions, lists and decimals. Also the helpers the other Binding tests share.
import Foundation
import Testing
@testable import PressroomLayout

// MARK: Helpers shared by the Binding tests

let here = SourceLocation(file: "invoice.yaml", line: 12, column: 9)

func record(_ json: String) -> DataValue {
    do { return try DataValue.parseJSON(json.utf8) } catch { fatalError("test record: \(error)") }
}

func context(_ json: String, locale: String = "cs-CZ", currency: String? = "CZK",
             labels: LabelTable = LabelTable([:])) -> BindingContext {
    BindingContext(record: record(json), locale: locale, currency: currency, labels: labels)
}

/// The layout error `body` throws, or nil.
func layoutError(_ body: () throws -> Void) -> LayoutError? {
    do {
        try body()
        return nil
    } catch let error as LayoutError {
        return error
    } catch {
        Issue.record("not a LayoutError: \(error)")
        return nil
    }
}

func parsed(_ source: String) throws(LayoutError) -> PressroomLayout.Expression { try PressroomLayout.Expression.parse(source, at: here) }

// MARK: Syntax

@Test func expressionsReadBackCanonically() throws {
    let cases: [(String, String)] = [
        ("customer.name", "customer.name"),
        ("items[0].description", "items[0].description"),
        (#"customer["tax id"]"#, #"customer["tax id"]"#),
        (#"a['b'].c"#, "a.b.c"),
        ("$.items", "$.items"),
        ("$[\"first name\"]", "$[\"first name\"]"),
        ("kind == 'invoice'", #"kind == "invoice""#),
        ("not items", "not items"),
        ("count > 3 and currency != \"EUR\"", #"count > 3 and currency != "EUR""#),
        ("a or b and not c", "a or (b and not c)"),
        ("(a or b) and c", "(a or b) and c"),
        ("total|money('EUR')|upper", #"total | money("EUR") | upper"#),
        ("items | sum(\"price.net\") | amount", #"items | sum("price.net") | amount"#),
        ("x | default(null)", "x | default(null)"),
        ("x >= -12.50", "x >= -12.5"),
        ("a.not.true", "a.not.true"),
        ("due-date", "due-date"),
        ("číslo_faktury", "číslo_faktury"),
    ]
    for (source, canonical) in cases {
        let expression = try parsed(source)
        #expect(expression.description == canonical, "\(source)")
        #expect(try parsed(expression.description).description == canonical, "\(source) round trip")
    }
}

@Test func syntaxErrorsPointAtTheColumn() throws {
    let cases: [(String, Int, String)] = [
        ("customer.", 10, "expected a field name after '.', found the end"),
        ("a == ", 6, "expected a value"),
        ("a = b", 3, "write `==` to compare"),
        ("a && b", 3, "write `and` instead of `&&`"),
        ("a || b", 3, "write `or` instead of `||`"),
        ("!a", 1, "write `not` instead of `!`"),
        ("a < b < c", 7, "compare two values at a time"),
        ("items[-1]", 7, "a list index is a whole number from 0"),
        ("items[1.5]", 7, "a list index is a whole number from 0"),
        ("(a and b", 9, "expected ')'"),
        ("'open", 1, "the text in quotes is not closed"),
        ("a b", 3, "expected the end of the expression, found `b`"),
        ("", 1, "expected an expression"),
        ("x | number('two')", 12, "the number of decimals is a whole number"),
        ("x | money('euro')", 11, "three-letter ISO 4217 code"),
        ("x | default", 5, "`default` takes one argument"),
        ("x | upper(1)", 5, "`upper` takes no arguments"),
        ("x | sum(field)", 9, "the field to add up is written in quotes"),
        ("x | sum('a.')", 9, "is not a field name"),
        ("x | ", 5, "expected a formatter name after '|'"),
        (String(repeating: "(", count: 70) + "x" + String(repeating: ")", count: 70), 65, "nested more than 64 deep"),
        (String(repeating: "not ", count: 70) + "x", 257, "nested more than 64 deep"),
    ]
    for (source, column, reason) in cases {
        let error = try #require(layoutError { _ = try parsed(source) }, "\(source)")
        #expect(error.kind == .syntax, "\(source)")
        #expect(error.location == SourceLocation(file: "invoice.yaml", line: 12, column: 9 + column - 1), "\(source): \(error)")
        #expect(error.message.contains(reason), "\(source): \(error.message)")
        #expect(error.message.hasPrefix("in `\(source)`: "), "\(source): \(error.message)")
    }
}

@Test func anUnknownFormatterIsAnUnknownReferenceAtTheExpression() throws {
    let error = try #require(layoutError { _ = try parsed("total | mony") })
    #expect(error.kind == .unknownReference)
    #expect(error.location == here)
    #expect(error.message.contains("unknown formatter `mony` (did you mean `money`?)"))
    #expect(error.message.contains("money, amount, number, percent, date, upper, lower, default, count, sum, credits, debits"))
}

// MARK: Paths and scopes

@Test func pathsReadTheRecord() throws {
    let bound = context(#"{"customer": {"name": "Ann", "tax id": "CZ1", "address": ["Main 1", "Prague"]}, "items": [{"unit_price": 1}, {"unit_price": "2.50"}]}"#)
    let cases: [(String, DataValue, String)] = [
        ("customer.name", .string("Ann"), "$.customer.name"),
        (#"customer["tax id"]"#, .string("CZ1"), #"$.customer["tax id"]"#),
        ("customer.address[1]", .string("Prague"), "$.customer.address[1]"),
        ("items[1].unit_price", .string("2.50"), "$.items[1].unit_price"),
        ("$.customer.name", .string("Ann"), "$.customer.name"),
    ]
    for (source, value, path) in cases {
        let result = try bound.evaluate(parsed(source), at: here)
        #expect(result.value == value, "\(source)")
        #expect(result.path?.description == path, "\(source)")
    }
    #expect(try bound.evaluate(parsed("'literal'"), at: here).path == nil)
}

@Test func dataPathsAreWrittenAsJSONPaths() {
    let path = DataPath.root.appending(key: "items").appending(index: 3).appending(key: "unit_price")
    #expect(path.description == "$.items[3].unit_price")
    #expect(DataPath.root.description == "$")
    #expect(DataPath.root.appending(key: "tax id").appending(key: "a\"b").description == #"$["tax id"]["a\"b"]"#)
    #expect(path == DataPath(components: [.key("items"), .index(3), .key("unit_price")]))
}

/// A path keeps its last component in the value and links the ones before it; however a path
/// was built, it is equal to, hashes like and reads like any other with the same components.
@Test func dataPathsAreEqualHoweverTheyWereBuilt() {
    let components: [DataPath.Component] = [.key("items"), .index(3), .key("unit_price")]
    let appended = components.reduce(DataPath.root) { $0.appending($1) }
    let made = DataPath(components: components)
    let shared = DataPath.root.appending(key: "items").appending(index: 3)
    let fromShared = shared.appending(key: "unit_price")
    for path in [made, fromShared] {
        #expect(path == appended)
        #expect(path.hashValue == appended.hashValue)
        #expect(path.components == components)
        #expect(path.description == "$.items[3].unit_price")
    }
    // Two paths from one parent stay apart, and the parent is unchanged by them.
    let other = shared.appending(key: "quantity")
    #expect(other != fromShared)
    #expect(shared.description == "$.items[3]")
    #expect(shared.appending(index: 0).appending(key: "a").description == "$.items[3][0].a")
    // Differing in the last component, in one before it, in length, or only by being a prefix.
    #expect(appended != DataPath(components: [.key("items"), .index(3), .key("quantity")]))
    #expect(appended != DataPath(components: [.key("items"), .index(4), .key("unit_price")]))
    #expect(appended != shared)
    #expect(shared != appended)
    #expect(DataPath.root != DataPath.root.appending(key: "items"))
    #expect(DataPath.root == DataPath(components: []))
    #expect(DataPath(components: [.key("a")]) == DataPath.root.appending(key: "a"))
}

@Test func scopesResolveInnermostFirstThenLabelsThenTheRecord() throws {
    let labels = LabelTable(["cs": ["invoice": "Faktura"]])
    let outer = context(#"{"name": "record", "item": "record item", "label": "record label", "items": [{"name": "first"}, {"name": "second"}]}"#,
                        labels: labels)
    let element = try outer.list(parsed("items"), at: here)[1]
    let inner = outer.with("item", element).with("row", BoundValue(.object(["number": .number(2)]), path: nil))
    #expect(try inner.evaluate(parsed("item.name"), at: here).value == DataValue.string("second"))
    // A scope variable keeps the record path of its value.
    #expect(try inner.evaluate(parsed("item.name"), at: here).path?.description == "$.items[1].name")
    #expect(try inner.evaluate(parsed("row.number"), at: here).value == DataValue.number(2))
    #expect(try inner.evaluate(parsed("row.number"), at: here).path == nil)
    #expect(try inner.evaluate(parsed("name"), at: here).value == DataValue.string("record"))
    #expect(try outer.evaluate(parsed("item"), at: here).value == DataValue.string("record item"))
    // A newer binding of the same name shadows the older one.
    let shadowed = inner.with("item", BoundValue(.string("innermost"), path: nil))
    #expect(try shadowed.evaluate(parsed("item"), at: here).value == DataValue.string("innermost"))
    // `label` is the labels, not the record's field of that name; `$` is always the record.
    #expect(try inner.evaluate(parsed("label.invoice"), at: here).value == DataValue.string("Faktura"))
    #expect(try inner.evaluate(parsed("$.label"), at: here).value == DataValue.string("record label"))
    #expect(try inner.evaluate(parsed("$.item"), at: here).value == DataValue.string("record item"))
}

// MARK: Conditions

@Test func conditions() throws {
    let bound = context(#"""
        {"kind": "invoice", "count": 4, "currency": "CZK", "total": "1234.50", "zero": 0, "empty": "", "none": null,
         "items": [1], "noItems": [], "flag": true, "due": "2026-03-15", "obj": {}}
        """#)
    let truths: [(String, Bool)] = [
        ("kind == \"invoice\"", true), ("kind != 'invoice'", false), ("kind == \"Invoice\"", false),
        ("count > 3 and currency != \"EUR\"", true), ("count > 4", false), ("count >= 4", true), ("count <= 3.99", false),
        ("count == 4.000", true), ("count == '4'", true),
        // A numeric text compares with a number as a decimal; two texts compare as text.
        ("total > 1000", true), ("total == 1234.5", true), ("total < 999.99", false), ("total == '1234.5'", false),
        ("due < '2026-04-01'", true), ("'b' > 'a'", true),
        ("items", true), ("noItems", false), ("not items", false), ("not noItems", true),
        ("zero", false), ("empty", false), ("none", false), ("flag", true), ("obj", false), ("kind", true),
        ("none == null", true), ("none != null", true == false), ("missing == null", true), ("zero == null", false),
        ("none < 3", false), ("none > 3", false), ("missing > 3", false),
        // A missing field is false in a condition, not an error.
        ("missing", false), ("not missing", true), ("missing.deeper[2]", false), ("missing or flag", true),
        ("flag and missing", false),
        ("not (kind == 'invoice' or flag)", false), ("not kind == 'x'", true),
        ("items | count > 0", true), ("noItems | count == 0", true), ("missing | default(1)", true),
        ("true", true), ("false or null", false), ("0", false), ("'x'", true),
    ]
    for (source, expected) in truths {
        #expect(try bound.isTrue(parsed(source), at: here) == expected, "\(source)")
    }
    #expect(try bound.evaluate(parsed("count > 3"), at: here).value == DataValue.bool(true))
}

@Test func orderingValuesThatHaveNoOrderIsAWrongType() throws {
    let bound = context(#"{"items": [1], "flag": true, "total": 3}"#)
    let error = try #require(layoutError { _ = try bound.isTrue(parsed("items > 3"), at: here) })
    #expect(error.kind == .wrongType)
    #expect(error.dataPath == "$.items")
    #expect(error.location == here)
    #expect(layoutError { _ = try bound.isTrue(parsed("flag < total"), at: here) }?.kind == .wrongType)
    // Equality never fails: different kinds are simply not equal.
    #expect(try bound.isTrue(parsed("items == 3"), at: here) == false)
}

// MARK: Lists and decimals

@Test func listsCarryTheirElementsPaths() throws {
    let bound = context(#"{"items": [{"n": 1}, {"n": 2}], "none": null, "text": "abc", "order": {"lines": ["a"]}}"#)
    let items = try bound.list(parsed("items"), at: here)
    #expect(items.map(\.value) == [DataValue.object(["n": .number(1)]), .object(["n": .number(2)])])
    #expect(items.map { $0.path?.description } == ["$.items[0]", "$.items[1]"])
    #expect(try bound.list(parsed("order.lines"), at: here).first?.path?.description == "$.order.lines[0]")
    #expect(try bound.list(parsed("none"), at: here).isEmpty)
    let missing = try #require(layoutError { _ = try bound.list(parsed("lines"), at: here) })
    #expect(missing.kind == .missingField)
    #expect(missing.dataPath == "$.lines")
    let wrong = try #require(layoutError { _ = try bound.list(parsed("text"), at: here) })
    #expect(wrong.kind == .wrongType)
    #expect(wrong.dataPath == "$.text")
    #expect(wrong.message.contains("not a list"))
}

@Test func decimalsFromNumbersAndNumericText() throws {
    let bound = context(#"{"net": "1234.50", "qty": 3, "bad": "12,50", "flag": true}"#)
    #expect(try bound.decimal(parsed("net"), at: here) == Decimal(string: "1234.5")!)
    #expect(try bound.decimal(parsed("qty"), at: here) == 3)
    #expect(try bound.decimal(parsed("-0.5"), at: here) == Decimal(string: "-0.5")!)
    for source in ["bad", "flag"] {
        let error = try #require(layoutError { _ = try bound.decimal(parsed(source), at: here) })
        #expect(error.kind == .wrongType)
        #expect(error.dataPath == "$.\(source)")
    }
    #expect(layoutError { _ = try bound.decimal(parsed("gone"), at: here) }?.kind == .missingField)
}
