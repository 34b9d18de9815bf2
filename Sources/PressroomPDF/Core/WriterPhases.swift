// Where a document's writing time goes, for benchmarks: every instant between the writer's
// creation and the end of finish() is counted in exactly one phase. Measured only when
// PDFFileWriter.Options.measuresPhases is set; otherwise nothing reads the clock.

public struct WriterPhases: Sendable, AdditiveArithmetic {
    /// Display lists into content-stream operators (text, paths, image placement).
    public internal(set) var painting: Duration = .zero
    /// Decoding images and preparing their samples.
    public internal(set) var images: Duration = .zero
    /// hb-subset cutting fonts down to the glyphs used.
    public internal(set) var subsetting: Duration = .zero
    /// Flate compression of every stream.
    public internal(set) var compression: Duration = .zero
    /// Everything else: objects into PDF syntax, font tables (widths, ToUnicode), metadata, xref.
    public internal(set) var serialisation: Duration = .zero

    public var total: Duration { painting + images + subsetting + compression + serialisation }

    public static let zero = WriterPhases()

    /// Sums phase by phase, for figures over many documents.
    public static func + (lhs: WriterPhases, rhs: WriterPhases) -> WriterPhases {
        var sum = lhs
        for phase in Phase.allCases { sum[phase] += rhs[phase] }
        return sum
    }

    public static func - (lhs: WriterPhases, rhs: WriterPhases) -> WriterPhases {
        var difference = lhs
        for phase in Phase.allCases { difference[phase] -= rhs[phase] }
        return difference
    }

    enum Phase: CaseIterable { case painting, images, subsetting, compression, serialisation }

    subscript(phase: Phase) -> Duration {
        get {
            switch phase {
            case .painting: painting
            case .images: images
            case .subsetting: subsetting
            case .compression: compression
            case .serialisation: serialisation
            }
        }
        set {
            switch phase {
            case .painting: painting = newValue
            case .images: images = newValue
            case .subsetting: subsetting = newValue
            case .compression: compression = newValue
            case .serialisation: serialisation = newValue
            }
        }
    }
}

/// Charges elapsed time to the current phase; phases nest (compression inside image writing is
/// compression), and the time outside any named phase is serialisation.
final class PhaseClock {
    private(set) var phases = WriterPhases()
    private var current = WriterPhases.Phase.serialisation
    private var since = ContinuousClock.now

    func measure<T>(_ phase: WriterPhases.Phase, _ body: () throws -> T) rethrows -> T {
        let outer = switchTo(phase)
        defer { switchTo(outer) }
        return try body()
    }

    /// Closes the current phase at this instant.
    func stop() { switchTo(current) }

    @discardableResult
    private func switchTo(_ phase: WriterPhases.Phase) -> WriterPhases.Phase {
        let now = ContinuousClock.now
        phases[current] += now - since
        since = now
        defer { current = phase }
        return current
    }
}
