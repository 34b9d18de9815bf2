// An OpenType feature setting such as `tnum`, `-liga` or `ss01=2`, in HarfBuzz's syntax.
import CHarfBuzz

public struct FontFeature: Hashable, Sendable, CustomStringConvertible {
    public let setting: String
    let feature: hb_feature_t

    /// Parses HarfBuzz feature syntax; nil when the text is not a feature setting.
    public init?(_ setting: String) {
        var parsed = hb_feature_t()
        guard hb_feature_from_string(setting, Int32(setting.utf8.count), &parsed) != 0 else { return nil }
        self.setting = setting
        self.feature = parsed
    }

    public static let tabularFigures = FontFeature("tnum")!
    public static let noLigatures = FontFeature("-liga")!

    public var description: String { setting }
    public static func == (lhs: FontFeature, rhs: FontFeature) -> Bool { lhs.setting == rhs.setting }
    public func hash(into hasher: inout Hasher) { hasher.combine(setting) }
}
