// `pressroom watch LAYOUT --data FILE`: a live preview in the browser that renders again a moment
// after any file the layout depends on is saved, and shows mistakes on the page.
import ArgumentParser
import Dispatch
import Foundation
import PressroomPreview

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Preview a layout live in the browser; every save of the layout, its components, theme, data, logo or fonts renders again.")

    @Argument(help: "The layout: a name from the layouts folder (invoice, statement, letter) or a path to a .yaml file.")
    var layout: String

    @Option(help: "The data: a JSON file with one record, or JSON Lines (the preview has a record picker).")
    var data: String

    @Option(help: "The port to serve on, on 127.0.0.1 (default: a free one).")
    var port: Int = 0

    @Option(help: "The record shown first (1-based; the page has a picker).")
    var record: Int = 1

    @OptionGroup var options: LayoutOptions

    func run() async throws {
        Foundation.signal(SIGPIPE, SIG_IGN)
        let fonts = options.font
        var configuration = PreviewConfiguration(
            layout: layout, layoutsDirectory: Self.absolute(options.directory(for: layout)), dataFile: Self.absolute(data),
            theme: options.theme, extraFonts: fonts.map(Self.absolute), variant: try options.outputVariant(),
            makeRegistry: { try LayoutOptions.registry(adding: fonts) })
        configuration.allowedPaths = options.allowPath.map(Self.absolute)
        let preview = LivePreview(configuration: configuration, record: record,
                                  log: { line in Self.say(Self.timestamp() + " " + line) })
        // Kept for as long as the server runs (it stops only with the process).
        var signalSources: [DispatchSourceSignal] = []
        for signal in [SIGINT, SIGTERM] {
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                Self.say("stopped")
                Foundation.exit(0)
            }
            source.resume()
            signalSources.append(source)
        }
        // The root command is async, so this runs inside the async main task: the server is
        // awaited here, never behind dispatchMain (which would end the main thread under it).
        let port = self.port
        do {
            try await preview.run(port: port) { bound in
                Self.say("Preview: http://127.0.0.1:\(bound)/")
                Self.say("Watching \(preview.state.watchedFiles) files; edit and save any of them. Ctrl-C stops.")
            }
        } catch {
            if "\(error)".contains("Address already in use") {
                Console.error("error: port \(port) on 127.0.0.1 is taken; choose another with --port, or leave --port out for a free one")
            } else {
                Console.error("error: the preview server stopped: \(error)")
            }
            Foundation.exit(1)
        }
        withExtendedLifetime(signalSources) {}
    }

    /// A line on standard output, unbuffered; a closed pipe (`| head`, a terminal gone) is ignored.
    private static func say(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            written += count
        }
    }

    private static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
