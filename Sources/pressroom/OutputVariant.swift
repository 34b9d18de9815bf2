// Which variant of a document the command writes: `digital` (PDF/A-3b with the layout's
// e-invoice; the default), `print` (PDF/X-4 on press sheets) or `plain` (the bare PDF, as the
// benchmarks compare it with other engines); `--tagged` tags plain and print documents too.
import ArgumentParser
import Foundation
import PressroomGraphics
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
        case .print:
            return try PrintVariant.standard(outputProfile: outputProfile, creationDate: try creationDate(), batch: batch, tagged: tagged)
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

    /// `--date`, else today (UTC): the caller's date, as output never reads the clock by itself.
    func creationDate() throws -> DocumentDate {
        if let date {
            guard let day = CalendarDay(iso: date) else { throw ValidationError("--date must be a date such as 2026-12-04, not \(date)") }
            return DocumentDate(day)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let now = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date())
        return DocumentDate(year: now.year ?? 1970, month: now.month ?? 1, day: now.day ?? 1, hour: now.hour ?? 0,
                            minute: now.minute ?? 0, second: now.second ?? 0)
    }

    /// A producer of the chosen variant for a layout.
    func producer(for layoutName: String, variant fallback: VariantName = .digital) throws -> DocumentProducer {
        DocumentProducer(renderer: try renderer(for: layoutName), variant: try outputVariant(default: fallback))
    }
}
