// What `pressroom watch` was asked to show: the layout, its folder, the data file, the theme and
// fonts, and the output variant (its colours on the page, its PDF for download).
import PressroomLayout
import PressroomProduction
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
    /// The variant the page's colours and the PDF download follow (the command line's, digital
    /// by default; plain when nothing is said).
    public var variant: any OutputVariant
    /// Folders images may be read from besides the layouts folder (`--allow-path`).
    public var allowedPaths: [String] = []
    /// The record picker lists at most this many records.
    public var recordLimit: Int
    /// Builds the font registry (the bundled fonts plus `extraFonts`); called again when a font
    /// file changes.
    public var makeRegistry: @Sendable () throws -> FontRegistry

    public init(layout: String, layoutsDirectory: String, dataFile: String, theme: String? = nil, extraFonts: [String] = [],
                variant: any OutputVariant = PlainVariant(), recordLimit: Int = 5000, makeRegistry: @escaping @Sendable () throws -> FontRegistry) {
        self.layout = layout
        self.layoutsDirectory = layoutsDirectory
        self.dataFile = dataFile
        self.theme = theme
        self.extraFonts = extraFonts
        self.variant = variant
        self.recordLimit = recordLimit
        self.makeRegistry = makeRegistry
    }
}
