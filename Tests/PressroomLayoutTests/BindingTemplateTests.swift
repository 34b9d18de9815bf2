// Templates: parsing into parts, rendering, the single-expression and page properties, and the
// errors rendering raises (missing field, wrong type, format) with their locations and data paths.
import Foundation
import Testing
@testable import PressroomLayout

private func template(_ source: String) throws(LayoutError) -> Template { try Template.parse(source, at: here) }

@Test func renderingFillsThePlaceholders() throws {
    let bound = context(#"{"number": "2026-0042", "customer": {"name": "Ann", "attention": null}, "qty": 12.50, "paid": false}"#,
                        labels: LabelTable(["cs": ["invoice": "Faktura"]]))
    #expect(try bound.render(template("{{ label.invoice }} {{ number }}")) == "Faktura 2026-0042")
    #expect(try bound.render(template("{{customer.name}}, attn. [{{ customer.attention }}]")) == "Ann, attn. []")
    #expect(try bound.render(template("{{ qty }} / {{ paid }} / {{ 'x' }} / {{ 7 }}")) == "12.5 / false / x / 7")
    #expect(try bound.render(template("no placeholders } { }} {")) == "no placeholders } { }} {")
    #expect(try bound.render(template(#"{{ missing | default("}}") }}"#)) == "}}")
    #expect(try bound.render(template("{{ '{{' }}")) == "{{")
    #expect(try bound.render(template("")) == "")
    #expect(try bound.render(Template(literal: "{{ number }}")) == "{{ number }}")
}

@Test func templateProperties() throws {
    #expect(try template("Invoice").isLiteral)
    #expect(try !template("{{ number }}").isLiteral)
    #expect(Template(literal: "{{ x }}").isLiteral)
    #expect(try template("{{ customer }}").singleExpression?.description == "customer")
    #expect(try template("  {{ customer }}").singleExpression == nil)
    #expect(try template("{{ total | money }}").singleExpression == nil)
    #expect(try template("{{ a }}{{ b }}").singleExpression == nil)
    #expect(try template("Page {{ page.number }} of {{ page.count }}").referencesPage)
    #expect(try template("{{ x | default(page.count) }}").referencesPage)
    #expect(try !template("{{ pages }} {{ x.page }}").referencesPage)
    let parsed = try template("{{ a }} and {{ b | upper }}")
    #expect(parsed.source == "{{ a }} and {{ b | upper }}")
    #expect(parsed.location == here)
    #expect(parsed.placeholders.map(\.description) == ["a", "b | upper"])
}

@Test func templateSyntaxErrorsPointInsideTheTemplate() throws {
    var error = try #require(layoutError { _ = try template("Total: {{ total | }}") })
    #expect(error.kind == .syntax)
    #expect(error.location == SourceLocation(file: "invoice.yaml", line: 12, column: 9 + 18))
    #expect(error.message == "in `Total: {{ total | }}`: expected a formatter name after '|', found '}}'")
    error = try #require(layoutError { _ = try template("{{ customer.name ") })
    #expect(error.message.contains("the placeholder is not closed with '}}'"))
    error = try #require(layoutError { _ = try template("{{ }}") })
    #expect(error.message.contains("expected an expression"))
    error = try #require(layoutError { _ = try template("line one\n  {{ a b }}") })
    #expect(error.location == SourceLocation(file: "invoice.yaml", line: 13, column: 8))
    // An unknown formatter is found when the layout loads, at the template's location.
    error = try #require(layoutError { _ = try template("{{ due | dat('long') }}") })
    #expect(error.kind == .unknownReference)
    #expect(error.location == here)
    #expect(error.message.contains("unknown formatter `dat` (did you mean `date`?)"))
}

@Test func aMissingFieldSaysHowToFixIt() throws {
    let bound = context(#"{"customer": {"name": "Ann", "address": null}, "items": [{"n": 1}]}"#)
    let error = try #require(layoutError { _ = try bound.render(template("Attn. {{ customer.attention }}")) })
    #expect(error.kind == .missingField)
    #expect(error.location == here)
    #expect(error.dataPath == "$.customer.attention")
    #expect(error.message == #"`customer.attention` is not in the record: add the field, test it with `if: customer.attention`, or give a default: {{ customer.attention | default("") }}"#)
    #expect(error.description.hasPrefix("invoice.yaml:12:9: $.customer.attention: "))

    let deeper = try #require(layoutError { _ = try bound.render(template("{{ customer.address.city }}")) })
    #expect(deeper.dataPath == "$.customer.address.city")
    #expect(deeper.message.hasPrefix("`customer.address.city` is not in the record (`customer.address` is null)"))
    let gone = try #require(layoutError { _ = try bound.render(template("{{ seller.name }}")) })
    #expect(gone.dataPath == "$.seller")
    #expect(gone.message.hasPrefix("`seller.name` cannot be read: `seller` is not in the record"))
    let index = try #require(layoutError { _ = try bound.render(template("{{ items[3].n }}")) })
    #expect(index.dataPath == "$.items[3]")
    #expect(index.message.contains("(`items` has 1 element)"))
    // Formatters other than default do not hide a missing field.
    #expect(layoutError { _ = try bound.render(template("{{ customer.total | money }}")) }?.kind == .missingField)
}

@Test func defaultReplacesMissingAndNull() throws {
    let bound = context(#"{"a": null, "b": "B", "c": {"d": null}}"#)
    #expect(try bound.render(template(#"[{{ missing | default("–") }}] [{{ a | default('none') }}] [{{ b | default('x') }}]"#))
            == "[–] [none] [B]")
    #expect(try bound.render(template("{{ c.d.e | default(b) | lower }}")) == "b")
    #expect(try bound.render(template("{{ missing | default(null) }}")) == "")
    #expect(try bound.evaluate(parsed("b | default('x')"), at: here).path?.description == "$.b")
}

@Test func valuesThatCannotBePrintedAreWrongTypes() throws {
    let bound = context(#"{"customer": {"name": "Ann", "vat": "CZ1"}, "items": [1, 2], "name": "Ann"}"#)
    var error = try #require(layoutError { _ = try bound.render(template("{{ customer }}")) })
    #expect(error.kind == .wrongType)
    #expect(error.dataPath == "$.customer")
    #expect(error.location == here)
    #expect(error.message.contains("print one of its fields, e.g. {{ customer.name }}"))
    error = try #require(layoutError { _ = try bound.render(template("{{ items }}")) })
    #expect(error.kind == .wrongType)
    #expect(error.message.contains("{{ items | count }}"))
    // Reading a field of text, or an element of an object.
    error = try #require(layoutError { _ = try bound.render(template("{{ name.first }}")) })
    #expect(error.kind == .wrongType)
    #expect(error.dataPath == "$.name")
    error = try #require(layoutError { _ = try bound.render(template("{{ items.first }}")) })
    #expect(error.message.contains("pick an element first: items[0].first"))
    error = try #require(layoutError { _ = try bound.render(template("{{ customer[0] }}")) })
    #expect(error.kind == .wrongType)
    #expect(error.message.contains("not a list"))
}

@Test func valuesFormattersCannotFormatAreFormatErrors() throws {
    let bound = context(#"{"total": "abc", "due": "15.3.2026", "items": [{"net": 1}, {"net": "x"}], "flag": true}"#, currency: nil)
    var error = try #require(layoutError { _ = try bound.render(template("{{ total | money('EUR') }}")) })
    #expect(error.kind == .format)
    #expect(error.dataPath == "$.total")
    #expect(error.message == #"`total` is the text "abc"; `money` formats numbers, written 1234.50 or "1234.50""#)
    error = try #require(layoutError { _ = try bound.render(template("{{ due | date }}")) })
    #expect(error.kind == .format)
    #expect(error.dataPath == "$.due")
    error = try #require(layoutError { _ = try bound.render(template("{{ flag | amount }}")) })
    #expect(error.kind == .wrongType)
    error = try #require(layoutError { _ = try bound.render(template("{{ 12 | money }}")) })
    #expect(error.kind == .format)
    #expect(error.message.contains("needs a currency"))
    error = try #require(layoutError { _ = try bound.render(template("{{ items | sum('net') }}")) })
    #expect(error.kind == .wrongType)
    #expect(error.dataPath == "$.items[1].net")
    error = try #require(layoutError { _ = try bound.render(template("{{ items | sum('gross') }}")) })
    #expect(error.kind == .missingField)
    #expect(error.dataPath == "$.items[0].gross")
    error = try #require(layoutError { _ = try bound.render(template("{{ 1 | money(flag) }}")) })
    #expect(error.kind == .format)
    #expect(error.dataPath == "$.flag")
}
