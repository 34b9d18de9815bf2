// Labels: the record language's table first, then shorter tags (RFC 4647 lookup), then English;
// an unknown label names the key and the languages looked in.
import Testing
@testable import PressroomLayout

private let labels = LabelTable([
    "en": ["invoice": "Invoice", "due_date": "Due date", "only_en": "English only"],
    "sr": ["invoice": "Фактура", "due_date": "Рок плаћања"],
    "sr_Latn": ["invoice": "Faktura"],
    "cs": ["invoice": "Faktura", "due_date": "Datum splatnosti"],
])

@Test func fallbackChains() {
    #expect(LabelTable.fallbackChain(for: "sr-Latn-RS") == ["sr-latn-rs", "sr-latn", "sr", "en"])
    #expect(LabelTable.fallbackChain(for: "cs_CZ") == ["cs-cz", "cs", "en"])
    #expect(LabelTable.fallbackChain(for: "en-GB") == ["en-gb", "en"])
    #expect(LabelTable.fallbackChain(for: "de-DE-x-invoice") == ["de-de-x-invoice", "de-de", "de", "en"])
    #expect(LabelTable.fallbackChain(for: "") == ["en"])
}

@Test func labelsFollowTheRecordLanguage() throws {
    let latin = context("{}", locale: "sr-Latn-RS", labels: labels)
    #expect(try latin.render(Template.parse("{{ label.invoice }} / {{ label.due_date }} / {{ label.only_en }}", at: here))
            == "Faktura / Рок плаћања / English only")
    let czech = context("{}", locale: "cs-CZ", labels: labels)
    #expect(try czech.render(Template.parse("{{ label.invoice }}: {{ label.due_date | upper }}", at: here))
            == "Faktura: DATUM SPLATNOSTI")
    let german = context("{}", locale: "de-DE", labels: labels)
    #expect(try german.render(Template.parse("{{ label.invoice }}", at: here)) == "Invoice")
    #expect(labels.text("due_date", locale: "sr-RS") == "Рок плаћања")
    #expect(labels.text("nothing", locale: "sr-RS") == nil)
    #expect(labels.languages == ["cs", "en", "sr", "sr_Latn"])
}

@Test func changingTheLocaleChangesTheLabels() throws {
    var bound = context("{}", locale: "cs-CZ", labels: labels)
    bound.locale = "en-GB"
    #expect(try bound.render(Template.parse("{{ label.invoice }}", at: here)) == "Invoice")
}

@Test func anUnknownLabelNamesTheKeyAndTheLanguages() throws {
    let bound = context("{}", locale: "sr-Latn-RS", labels: labels)
    let error = try #require(layoutError { _ = try bound.render(Template.parse("{{ label.unknown }}", at: here)) })
    #expect(error.kind == .unknownReference)
    #expect(error.location == here)
    #expect(error.message == "the label `unknown` is not defined for sr-Latn-RS (it is in none of the sr_Latn, sr, en labels): "
            + "add `unknown: …` to labels/sr_Latn.yaml or labels/sr.yaml or labels/en.yaml")
    let none = context("{}", locale: "cs-CZ", labels: LabelTable([:]))
    let missing = try #require(layoutError { _ = try none.render(Template.parse("{{ label.invoice }}", at: here)) })
    #expect(missing.message.contains("there are no labels for cs-CZ nor English"))
    let bare = try #require(layoutError { _ = try none.render(Template.parse("{{ label }}", at: here)) })
    #expect(bare.kind == .unknownReference)
    // In a condition an unknown label is still an error: it is a layout mistake, not missing data.
    #expect(layoutError { _ = try bound.isTrue(Expression.parse("label.unknown", at: here), at: here) }?.kind == .unknownReference)
}
