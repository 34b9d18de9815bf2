// Judges a PDF with ../shared/tools/pdfcheck (qpdf, pikepdf, PDFium, MuPDF, poppler, Ghostscript)
// including --render-compare; a missing pdfcheck throws, so the test fails instead of skipping.
import Foundation

enum PDFCheck {
    /// Runs `pdfcheck FILE --render-compare [extra]` (without `--render-compare` when
    /// `renderCompare` is false); `passed` is true only on exit status 0.
    /// Throws when pdfcheck is missing, cannot start, or reports a usage error (status 2).
    static func run(_ file: String, _ extra: [String] = [], renderCompare: Bool = true) throws -> (passed: Bool, output: String) {
        let tool = try ExternalTool.sharedDirectory().appendingPathComponent("tools/pdfcheck").path
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw ExternalToolError.toolMissing(path: tool, hint: "check out shared/ beside the repository (or set PRESSROOM_SHARED), then run shared/tools/setup.sh")
        }
        let arguments = [file] + (renderCompare ? ["--render-compare"] : []) + extra
        let result = try ExternalTool.run(tool, arguments, mergeErrors: true)
        guard result.status == 0 || result.status == 1 else {
            throw ExternalToolError.failed(command: "pdfcheck " + arguments.joined(separator: " "),
                                           status: result.status, output: result.output)
        }
        return (result.status == 0, result.output)
    }
}
