// The offline parts of address checks: IDNA through ICU's UTS #46 (the mapping, the
// nontransitional ß, the Bidi rule, Punycode both ways) and typo suggestions. The DNS parts run
// against a real resolver in EndToEndTests/CheckEmailTests.
import Testing
@testable import PressroomDelivery

@Test(arguments: [
    ("müller.de", "xn--mller-kva.de"),
    ("BÜCHER.example", "xn--bcher-kva.example"),
    ("faß.de", "xn--fa-hia.de"),              // nontransitional: ß stays (IDNA 2008), not "fass.de"
    ("пример.рф", "xn--e1afmkfd.xn--p1ai"),
    ("example.com", "example.com"),
])
func domainsBecomeASCII(unicode: String, ascii: String) throws {
    #expect(try DomainName.ascii(unicode) == ascii)
    #expect(DomainName.unicode(ascii) == unicode.lowercased())
}

@Test(arguments: [
    ("ex ample.com", "not allowed"),
    ("-shop.example", "starting with a hyphen"),
    ("xn--a.example", "Punycode"),
    ("a\u{05D0}.example", "Bidi rule"),           // Latin and Hebrew in one label
])
func badDomainsSayWhy(domain: String, reason: String) {
    #expect(throws: DomainName.Invalid.self) { try DomainName.ascii(domain) }
    do { _ = try DomainName.ascii(domain) } catch { #expect("\(error)".contains(reason), "\(error)") }
}

@Test func nearMissesOfCommonDomainsAreSuggested() {
    let known = AddressLists.commonDomains
    #expect(TypoSuggestion.domain(for: "gmial.com", among: known) == "gmail.com")
    #expect(TypoSuggestion.domain(for: "gmail.con", among: known) == "gmail.com")
    #expect(TypoSuggestion.domain(for: "hotmial.de", among: known) == "hotmail.de")
    #expect(TypoSuggestion.domain(for: "gmail.com", among: known) == nil)
    #expect(TypoSuggestion.domain(for: "strojirny.example", among: known) == nil)
    #expect(TypoSuggestion.domain(for: "gmx.com", among: known) == nil)   // short: one edit at most, and gmx.net is three
    #expect(TypoSuggestion.distance(Array("ab"), Array("ba")) == 1)
}

@Test func theBundledDisposableListLoads() throws {
    let domains = try AddressLists.bundledDisposableDomains()
    #expect(domains.count > 1000)
    #expect(domains.contains("mailinator.com"))
    #expect(!domains.contains("gmail.com"))
}
