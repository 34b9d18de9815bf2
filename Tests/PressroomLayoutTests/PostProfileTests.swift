// Post profiles: the bundled ones load with their envelopes, OMR track and tariffs; a tariff
// with a gap in its weight steps, an OMR track too close to the lead edge, a window off the
// sheet and envelopes out of order are errors at their file:line; a missing profile names the
// ones there are.
import Foundation
import PressroomGraphics
import Testing
@testable import PressroomLayout

private func profile(replacing old: String, with new: String, in name: String = "deutsche-post") throws -> Result<PostProfile, LayoutError> {
    let text = try String(contentsOfFile: "\(bundledLayoutsFolder)/post/\(name).yaml", encoding: .utf8)
    #expect(text.contains(old), "the bundled profile has `\(old)`")
    let library = try library(with: "", named: "unused", files: ["post/edited.yaml": text.replacingOccurrences(of: old, with: new)])
    return Result { () throws(LayoutError) in try library.postProfile(named: "edited") }
}

/// The 1-based line of `text` in the bundled profile.
private func line(of text: String, in name: String = "deutsche-post") throws -> Int {
    let lines = try String(contentsOfFile: "\(bundledLayoutsFolder)/post/\(name).yaml", encoding: .utf8).components(separatedBy: "\n")
    return (lines.firstIndex { $0.contains(text) } ?? -2) + 1
}

@Test(arguments: ["deutsche-post", "ceska-posta", "royal-mail"])
func bundledPostProfilesLoad(name: String) throws {
    let library = try LayoutLibrary(directory: bundledLayoutsFolder)
    let profile = try library.postProfile(named: name)
    #expect(profile.envelopes.map(\.name) == ["DL", "C5", "C4"])
    #expect(profile.omr?.marks.count == 8)
    #expect(profile.dataMatrix != nil)
    #expect(profile.tariff.note?.contains("EXAMPLE") == true, "bundled tariffs say they are examples")
    // Every bundled envelope's empty piece of one A4 sheet finds a class at home and abroad.
    for envelope in profile.envelopes {
        let grams = 0.210 * 0.297 * profile.paper.grams + envelope.grams
        for zone in Tariff.Zone.allCases {
            #expect(profile.tariff.postageClass(zone: zone, size: envelope.size, thickness: envelope.thickness + profile.paper.thickness * 3,
                                                grams: grams) != nil, "\(name) \(envelope.name) \(zone)")
        }
    }
}

@Test func deutschePostClassesFollowWeightAndFormat() throws {
    let tariff = try LayoutLibrary(directory: bundledLayoutsFolder).postProfile(named: "deutsche-post").tariff
    let dl = Size(.mm(220), .mm(110)), c5 = Size(.mm(229), .mm(162))
    let thin = Length.mm(1).points
    #expect(tariff.postageClass(zone: .domestic, size: dl, thickness: thin, grams: 19.9)?.name == "Standardbrief")
    #expect(tariff.postageClass(zone: .domestic, size: dl, thickness: thin, grams: 20.1)?.name == "Kompaktbrief")
    #expect(tariff.postageClass(zone: .domestic, size: dl, thickness: Length.mm(6).points, grams: 15)?.name == "Kompaktbrief")
    #expect(tariff.postageClass(zone: .domestic, size: c5, thickness: thin, grams: 15)?.name == "Großbrief")
    #expect(tariff.postageClass(zone: .domestic, size: c5, thickness: thin, grams: 600)?.name == "Maxibrief")
    #expect(tariff.postageClass(zone: .domestic, size: c5, thickness: thin, grams: 1200) == nil)
}

@Test func aTariffWithAGapIsAnErrorAtItsLine() throws {
    let result = try profile(replacing: "weight: [0, 1000], price: \"2.90\"", with: "weight: [600, 1000], price: \"2.90\"")
    guard case .failure(let error) = result else { Issue.record("a gap from 500 g to 600 g loaded"); return }
    #expect(error.location?.file == "post/edited.yaml")
    #expect(error.location?.line == (try line(of: "name: Maxibrief, zone: domestic")))
    #expect(error.message.contains("domestic weight steps have a gap"), "\(error)")
    #expect(error.message.contains("above 500 g up to 600 g"), "\(error)")
    // Steps that overlap or meet leave none.
    #expect(throws: Never.self) { try profile(replacing: "weight: [0, 1000], price: \"2.90\"", with: "weight: [500, 1000], price: \"2.90\"").get() }
}

@Test func misplacedMarksWindowsAndEnvelopesAreErrorsAtTheirLines() throws {
    if case .failure(let error) = try profile(replacing: "top: 30mm", with: "top: 10mm") {
        #expect(error.message.contains("20 mm from the top"), "\(error)")
        #expect(error.location?.line == (try line(of: "omr:")) + 1)
    } else { Issue.record("an OMR code 10 mm from the lead edge loaded") }
    if case .failure(let error) = try profile(replacing: "pitch: 4.23mm", with: "pitch: 2mm") {
        #expect(error.message.contains("2.54 mm"), "\(error)")
    } else { Issue.record("a 2 mm pitch loaded") }
    if case .failure(let error) = try profile(replacing: "window: { at: [20mm, 45mm], size: [90mm, 45mm] } }\n  - { name: C5",
                                              with: "window: { at: [150mm, 45mm], size: [90mm, 45mm] } }\n  - { name: C5") {
        #expect(error.message.contains("must lie on the A4 sheet"), "\(error)")
        #expect(error.location?.line == (try line(of: "name: DL")) + 1)
    } else { Issue.record("a window off the sheet loaded") }
    if case .failure(let error) = try profile(replacing: "max-sheets: 50", with: "max-sheets: 8") {
        #expect(error.message.contains("C4 takes fewer sheets (8) than C5"), "\(error)")
        #expect(error.location?.line == (try line(of: "name: C4")))
    } else { Issue.record("envelopes out of order loaded") }
    if case .failure(let error) = try profile(replacing: "home-country: DE", with: "home-country: Germany") {
        #expect(error.message.contains("two-letter ISO 3166"), "\(error)")
    } else { Issue.record("a country name loaded") }
}

@Test func aMissingProfileNamesTheBundledOnes() throws {
    let library = try LayoutLibrary(directory: bundledLayoutsFolder)
    #expect(throws: LayoutError.self) { try library.postProfile(named: "pony-express") }
    do { _ = try library.postProfile(named: "pony-express") } catch {
        #expect(error.message.contains("ceska-posta, deutsche-post, royal-mail"), "\(error)")
    }
}
