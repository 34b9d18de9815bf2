// The barcode symbologies Pressroom draws, with what each needs from libzint: its symbology
// number, options and the quiet zone its standard asks for.
import CZint

public enum Symbology: Sendable, Hashable {
    /// QR Code (ISO/IEC 18004) at the given error-correction level.
    case qr(errorCorrection: QRErrorCorrection = .medium)
    /// Data Matrix ECC 200 (ISO/IEC 16022), the size chosen by libzint.
    case dataMatrix
    /// Code 128 (ISO/IEC 15417), without human-readable text (the layout prints text itself).
    case code128

    public static let qr = Symbology.qr(errorCorrection: .medium)

    /// Light modules kept free around the symbol, in modules: ISO/IEC 18004 §6.3.8 asks 4 for QR,
    /// ISO/IEC 16022 §5.2.7 1 for Data Matrix, ISO/IEC 15417 §4.4.2 10 X for Code 128.
    public var quietZone: Int {
        switch self {
        case .qr: 4
        case .dataMatrix: 1
        case .code128: 10
        }
    }

    /// A linear symbol: one row of bars whose height is free (it fills the frame's height).
    public var isLinear: Bool {
        if case .code128 = self { return true }
        return false
    }

    var zintSymbology: Int32 {
        switch self {
        case .qr: Int32(BARCODE_QRCODE)
        case .dataMatrix: Int32(BARCODE_DATAMATRIX)
        case .code128: Int32(BARCODE_CODE128)
        }
    }

    /// ECIs (Extended Channel Interpretation) exist in QR and Data Matrix, not in Code 128.
    var supportsECI: Bool { !isLinear }

    public var name: String {
        switch self {
        case .qr: "QR Code"
        case .dataMatrix: "Data Matrix"
        case .code128: "Code 128"
        }
    }
}

/// QR error-correction levels (ISO/IEC 18004 §6.5.1); libzint's `option_1` 1…4.
public enum QRErrorCorrection: Int32, Sendable, Hashable {
    case low = 1, medium = 2, quartile = 3, high = 4
}
