// What `pressroom watch` was asked to show: the layout, its folder, the data file, the theme and
// fonts, and the colour variant.
import PressroomLayout
import PressroomText

public struct PreviewConfiguration: Sendable {
    /// A layout name from the folder ("invoice") or a path to a .yaml file.
    public var layout: String
    public var layoutsDirectory: String
    public var dataFile: String
    /// Overrides the layout's own theme.
    public var theme: String?
    /// Font files or folders registered besides the bundled fonts (watched too).
    public var extraFonts: [String]
    /// Paint with CMYK and spot colours, as the print variant does.
    public var print: Bool
    /// The record picker lists at most this many records.
    public var recordLimit: Int
    /// Builds the font registry (the bundled fonts plus `extraFonts`); called again when a font
    /// file changes.
    public var makeRegistry: @Sendable () throws -> FontRegistry
    /// Writes the PDF the page offers for download (the command line's variant, digital by
    /// default); nil writes the plain PDF.
    public var makePDF: (@Sendable (DocumentRenderer, DataValue) throws -> RenderedDocument)?

    public init(layout: String, layoutsDirectory: String, dataFile: String, theme: String? = nil, extraFonts: [String] = [],
                print: Bool = false, recordLimit: Int = 5000, makeRegistry: @escaping @Sendable () throws -> FontRegistry) {
        self.layout = layout
        self.layoutsDirectory = layoutsDirectory
        self.dataFile = dataFile
        self.theme = theme
        self.extraFonts = extraFonts
        self.print = print
        self.recordLimit = recordLimit
        self.makeRegistry = makeRegistry
    }
}
