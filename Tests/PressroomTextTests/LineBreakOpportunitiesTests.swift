// Targeted checks of LineBreakOpportunities on real text (the conformance suite is in LineBreakConformanceTests).
import PressroomText
import Testing

private func breaks(_ text: String, locale: String) -> [(String, Bool)] {
    let units = Array(text.utf16)
    var start = 0
    return LineBreakOpportunities.find(in: units, locale: locale).map { opportunity in
        defer { start = opportunity.offset }
        return (String(decoding: units[start..<opportunity.offset], as: UTF16.self), opportunity.isMandatory)
    }
}

@Test func czechTextWithPunctuation() {
    let lines = breaks("Zítra v 9:30 (pokud možno) přijď, „prosím“!\nDěkuji.", locale: "cs")
    #expect(lines.map(\.0) == ["Zítra ", "v ", "9:30 ", "(pokud ", "možno) ", "přijď, ", "„prosím“!\n", "Děkuji."])
    #expect(lines.map(\.1) == [false, false, false, false, false, false, true, false])
}

@Test func finalOffsetIsAlwaysIncluded() {
    let text = Array("slovo".utf16)
    #expect(LineBreakOpportunities.find(in: text, locale: "cs") == [LineBreakOpportunity(offset: 5, isMandatory: false)])
    #expect(LineBreakOpportunities.find(in: [], locale: "cs") == [])
}

@Test func concurrentCallsAgree() async {
    let text = Array("Příliš žluťoučký kůň úpěl ďábelské ódy.".utf16)
    let expected = LineBreakOpportunities.find(in: text, locale: "cs")
    await withTaskGroup(of: [LineBreakOpportunity].self) { group in
        for _ in 0..<8 { group.addTask { LineBreakOpportunities.find(in: text, locale: "cs") } }
        for await result in group { #expect(result == expected) }
    }
}
