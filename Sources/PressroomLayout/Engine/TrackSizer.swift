// Column widths for `columns` blocks and tables: fixed and percentage tracks first, `auto` tracks
// as wide as their widest content, and `fr` tracks share what is left.

enum TrackSizer {
    static func resolve(_ tracks: [TrackWidth], total: Double, gap: Double, measure: (Int) throws(LayoutError) -> Double) throws(LayoutError) -> [Double] {
        let available = max(0, total - gap * Double(max(tracks.count - 1, 0)))
        var widths = [Double](repeating: 0, count: tracks.count)
        var fractions = 0.0
        for (index, track) in tracks.enumerated() {
            switch track {
            case .fixed(let points): widths[index] = points
            case .percent(let percent): widths[index] = total * percent / 100
            case .auto: widths[index] = try measure(index)
            case .fraction(let share): fractions += share
            }
        }
        let left = max(0, available - widths.reduce(0, +))
        if fractions > 0 {
            for (index, track) in tracks.enumerated() {
                if case .fraction(let share) = track { widths[index] = left * share / fractions }
            }
        }
        return widths
    }
}
