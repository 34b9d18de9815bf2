// A `barcode` block bound to a record: its data (or, for `payment-qr`, the payment's fields)
// rendered, encoded with PressroomBarcode and drawn as black vector modules in the block's frame.
// Encoding and payment errors become LayoutErrors at the field's line with its record path.
import PressroomBarcode
import PressroomGraphics

enum BarcodeBuilder {
    /// The barcode's fragment: `barcode.width` × `barcode.height` (narrowed to the column), left-aligned,
    /// the symbol's quiet zone inside it.
    static func fragment(_ barcode: BarcodeBlock, width: Double, context: BindingContext,
                         location: SourceLocation) throws(LayoutError) -> Fragment {
        let symbol = try self.symbol(barcode, context: context, location: location)
        let frame = Rect(x: 0, y: 0, width: min(barcode.width, width), height: barcode.height)
        return Fragment(height: barcode.height, items: [symbol.item(in: frame)], location: location)
    }

    static func symbol(_ barcode: BarcodeBlock, context: BindingContext, location: SourceLocation) throws(LayoutError) -> BarcodeSymbol {
        switch barcode.content {
        case .symbol(let symbology, let data):
            let text = try context.render(data)
            do {
                return try BarcodeSymbol(symbology, data: text)
            } catch {
                throw LayoutError(.invalidValue, "\(error)", at: data.location, dataPath: dataPath(of: data, in: context))
            }
        case .payment(let fields):
            var values: [PaymentField: String] = [:]
            for (field, template) in fields.all { values[field] = try context.render(template) }
            let request = PaymentRequest(iban: values[.iban] ?? "", bic: values[.bic], amount: values[.amount] ?? "",
                                         currency: values[.currency] ?? "", name: values[.name] ?? "",
                                         reference: values[.reference], due: values[.due], message: values[.message])
            do {
                return try PaymentCode(request).symbol()
            } catch let error as PaymentError {
                let template = error.field.flatMap { field in fields.all.first { $0.field == field }?.template }
                throw LayoutError(.invalidValue, "payment QR code: \(error)", at: template?.location ?? location,
                                  dataPath: template.flatMap { dataPath(of: $0, in: context) })
            } catch {
                throw LayoutError(.invalidValue, "payment QR code: \(error)", at: location)
            }
        }
    }

    /// The record path of a template that is exactly one placeholder, such as `{{ seller.iban }}`
    /// (through component parameters too); nil for anything composed.
    private static func dataPath(of template: Template, in context: BindingContext) -> String? {
        guard let expression = template.singleExpression else { return nil }
        return (try? context.evaluate(expression, at: template.location))?.path?.description
    }
}
