// Which variant of a document the command writes: `digital` (PDF/A-3b with the layout's
// e-invoice; the default), `print` (CMYK and spot colours) or `plain` (the bare PDF, as the
// benchmarks compare it with other engines); `--tagged` tags plain and print documents too.
import ArgumentParser
import PressroomLayout
import PressroomProduction

enum VariantName: String, ExpressibleByArgument, CaseIterable {
    case digital, print, plain
}

extension LayoutOptions {
    /// `--print` is short for `--variant print`; without either, `fallback`.
    func variantName(default fallback: VariantName = .digital) -> VariantName { print ? .print : variant ?? fallback }

    var variantName: VariantName { variantName() }

    func outputVariant(default fallback: VariantName = .digital) throws -> any OutputVariant {
        switch variantName(default: fallback) {
        case .plain: return PlainVariant(tagged: tagged)
        case .print: return PrintVariant(tagged: tagged)
        case .digital:
            let choice: DigitalVariant.EInvoiceChoice
            switch eInvoice {
            case nil: choice = .layout
            case "none": choice = .none
            case let name?:
                guard let level = EInvoiceLevel(rawValue: name) else {
                    throw ValidationError("--e-invoice must be minimum, basic, en16931 or none, not \(name)")
                }
                choice = .level(level)
            }
            return try DigitalVariant.standard(eInvoice: choice)
        }
    }

    /// A producer of the chosen variant for a layout.
    func producer(for layoutName: String, variant fallback: VariantName = .digital) throws -> DocumentProducer {
        DocumentProducer(renderer: try renderer(for: layoutName), variant: try outputVariant(default: fallback))
    }
}
