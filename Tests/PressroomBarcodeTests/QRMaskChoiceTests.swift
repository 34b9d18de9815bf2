// QRMaskChoice against libzint's own mask choice: the same symbol, module for module.
import Testing
@testable import PressroomBarcode

/// Payloads of every length up to `longest`, mixing digits, upper case, lower case and non-ASCII
/// text, so that the symbols take numeric, alphanumeric, byte and ECI segments and many versions.
private func payloads(count: Int, longest: Int, seed: UInt64) -> [String] {
    var state = seed
    func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
    let alphabets: [[Character]] = [
        Array("0123456789"), Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"), Array("abcdefghijklmnopqrstuvwxyz\n*"), Array("ěščřžýáíéůúĚŠČ€"),
    ]
    return (0..<count).map { index in
        let length = 1 + (index * 7919 + next(longest)) % longest
        var text = ""
        while text.count < length {
            let alphabet = alphabets[next(alphabets.count)]
            for _ in 0..<(1 + next(12)) { text.append(alphabet[next(alphabet.count)]) }
        }
        return String(text.prefix(length))
    }
}

@Test func theMaskChosenIsLibzintsOwnForEveryLevelAndManyVersions() throws {
    var versions = Set<Int>(), masks = Set<Int>()
    for (offset, level) in [QRErrorCorrection.low, .medium, .quartile, .high].enumerated() {
        for payload in payloads(count: 300, longest: 400, seed: UInt64(offset + 1)) {
            let symbology = Symbology.qr(errorCorrection: level)
            let ours = try BarcodeSymbol(symbology, data: payload, readingVector: false)
            let libzints = try BarcodeSymbol(symbology, data: payload, readingVector: false, mask: .libzint)
            #expect(ours.darkModules == libzints.darkModules, "\(level) \(payload.utf8.count) bytes: \(payload)")
            versions.insert((ours.columns - 17) / 4)
            if level == .medium {
                masks.insert(QRMaskChoice(maskZeroRows: try maskZeroRows(payload, symbology), size: ours.columns, errorCorrection: level).best)
            }
        }
    }
    // The payloads reach past version 7 (version information) and every mask wins somewhere.
    #expect(versions.count >= 15 && versions.contains(1) && versions.max()! >= 14, "\(versions.sorted())")
    #expect(masks == Set(0..<8), "\(masks.sorted())")
}

@Test func theLargestSymbolsAgreeToo() throws {
    // Versions up to 40 (177 modules, all three 64-bit words of a line).
    for (index, length) in [1_200, 1_800, 2_400, 2_900].enumerated() {
        let payload = payloads(count: 1, longest: 2, seed: UInt64(index)).first! + String(repeating: "Ab9-", count: length / 4)
        let symbology = Symbology.qr(errorCorrection: .low)
        let ours = try BarcodeSymbol(symbology, data: payload, readingVector: false)
        let libzints = try BarcodeSymbol(symbology, data: payload, readingVector: false, mask: .libzint)
        #expect(ours.darkModules == libzints.darkModules, "\(payload.utf8.count) bytes")
        if index == 3 { #expect(ours.columns > 160, "\(ours.columns) modules") }
    }
}

@Test func functionPatternsAndFormatBitsAreTheStandardOnes() {
    // ISO/IEC 18004 Annex E: version 7's alignment centres, and version 32's odd step.
    #expect(QRMaskChoice.alignmentCentres(version: 1) == [])
    #expect(QRMaskChoice.alignmentCentres(version: 2) == [6, 18])
    #expect(QRMaskChoice.alignmentCentres(version: 7) == [6, 22, 38])
    #expect(QRMaskChoice.alignmentCentres(version: 32) == [6, 34, 60, 86, 112, 138])
    #expect(QRMaskChoice.alignmentCentres(version: 40) == [6, 30, 58, 86, 114, 142, 170])
    // Table C.1: level M with mask 0 is 101010000010010; level L with mask 7 is 110100101110110.
    #expect(QRMaskChoice.formatBits(.medium, mask: 0) == 0b101010000010010)
    #expect(QRMaskChoice.formatBits(.low, mask: 7) == 0b110100101110110)
    // Version 1: 21 × 21, of which 208 modules carry data (26 codewords).
    let function = QRMaskChoice.functionModules(size: 21)
    #expect(21 * 21 - function.reduce(0) { $0 + $1.count } == 208)
    // Version 7: 45 × 45 with 6 alignment patterns and version information; 1,568 data modules (196 codewords).
    let seven = QRMaskChoice.functionModules(size: 45)
    #expect(45 * 45 - seven.reduce(0) { $0 + $1.count } == 1_568)
}

/// The symbol libzint makes with mask 0, as rows of bits.
private func maskZeroRows(_ payload: String, _ symbology: Symbology) throws -> [BitLine] {
    let symbol = try BarcodeSymbol(symbology, data: payload, readingVector: false, mask: .fixed(0))
    var rows = [BitLine](repeating: .empty, count: symbol.rows)
    for rect in symbol.darkModules {
        for y in rect.y..<(rect.y + rect.height) { for x in rect.x..<(rect.x + rect.width) { rows[y].set(x) } }
    }
    return rows
}
