// A spot colour as a Separation colour space (ISO 32000-1 §8.6.6.4) with a CMYK alternate through a
// Type 2 (exponential, N = 1) tint transform: tint 0 is no ink, tint 1 the full alternate.
import PressroomGraphics

enum SeparationColourSpace {
    static func object(for spot: SpotColour) -> PDFObject {
        let alternate = spot.alternate
        return .array([
            PDFName("Separation").object,
            PDFName(spot.name).object,
            PDFName("DeviceCMYK").object,
            .dictionary([
                "FunctionType": 2,
                "Domain": .array([0, 1]),
                "C0": .array([0, 0, 0, 0]),
                "C1": .array([alternate.cyan, alternate.magenta, alternate.yellow, alternate.black].map { .real($0) }),
                "N": 1,
            ]),
        ])
    }
}
