// Column widths for `columns` blocks and tables: fixed and percentage tracks first, `auto` tracks
// as wide as their widest content (narrowed together, so their text wraps, when they would not
// fit beside the fixed ones), and `fr` tracks share what is left. Fixed widths and gaps that need
// more than the space are a located error, never columns running past the margin.
import PressroomGraphics

enum TrackSizer {
    static func resolve(_ tracks: [TrackWidth], total: Double, gap: Double, what: String, at location: SourceLocation,
                        measure: (Int) throws(LayoutError) -> Double) throws(LayoutError) -> [Double] {
        let gaps = gap * Double(max(tracks.count - 1, 0))
        let available = max(0, total - gaps)
        var widths = [Double](repeating: 0, count: tracks.count)
        var fractions = 0.0
        var autos: [Int] = []
        for (index, track) in tracks.enumerated() {
            switch track {
            case .fixed(let points): widths[index] = points
            case .percent(let percent): widths[index] = total * percent / 100
            case .auto: autos.append(index)
            case .fraction(let share): fractions += share
            }
        }
        let fixed = widths.reduce(0, +)
        if fixed > available + 0.5 {
            throw LayoutError(.overflow, "\(what)'s fixed widths\(gaps > 0 ? " and gaps" : "") take \(mm(fixed + gaps)), but \(what) is \(mm(total)) wide here; make a column narrower, use `1fr` or `auto`, or a smaller gap",
                              at: location)
        }
        for index in autos { widths[index] = try measure(index) }
        let autoWidth = autos.reduce(0.0) { $0 + widths[$1] }
        if autoWidth > 0 && fixed + autoWidth > available {
            let scale = max(0, available - fixed) / autoWidth
            for index in autos { widths[index] *= scale }
        }
        let left = max(0, available - widths.reduce(0, +))
        if fractions > 0 {
            for (index, track) in tracks.enumerated() {
                if case .fraction(let share) = track { widths[index] = left * share / fractions }
            }
        }
        return widths
    }

    private static func mm(_ points: Double) -> String { Paginator.mm(points) }
}
