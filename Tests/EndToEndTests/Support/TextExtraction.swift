// Text as two independent readers extract it from a PDF (poppler's pdftotext, pdfminer.six), and
// the normalisation both are compared under.
import Foundation

/// The text of `file` as poppler reads it (`pdftotext -enc UTF-8 FILE -`).
func pdftotext(_ file: String) throws -> String {
    let result = try ExternalTool.run("pdftotext", ["-enc", "UTF-8", file, "-"])
    guard result.status == 0 else {
        if result.status == 127 {
            throw ExternalToolError.toolMissing(path: "pdftotext", hint: "apt-get install poppler-utils (or run .ci/run)")
        }
        throw ExternalToolError.failed(command: "pdftotext -enc UTF-8 \(file) -", status: result.status, output: result.errors)
    }
    return result.output
}

/// The text of `file` as pdfminer.six reads it (`pdfminer.high_level.extract_text`).
func pdfminerText(_ file: String) throws -> String {
    let script = "import sys; from pdfminer.high_level import extract_text; sys.stdout.write(extract_text(sys.argv[1]))"
    let result = try ExternalTool.run("python3", ["-c", script, file], environment: ["PYTHONIOENCODING": "utf-8"])
    guard result.status == 0 else {
        if result.errors.contains("No module named 'pdfminer'") || result.status == 127 {
            throw ExternalToolError.toolMissing(path: "pdfminer", hint: "python3 -m pip install pdfminer.six (or run .ci/run)")
        }
        throw ExternalToolError.failed(command: "python3 -c <pdfminer extract_text> \(file)", status: result.status, output: result.errors)
    }
    return result.output
}

/// Text made comparable across readers: NFC; a soft hyphen (U+00AD) and any whitespace after it
/// removed, since the typesetter writes its line-end hyphens as soft hyphens; every run of
/// whitespace (Unicode White_Space) made one space; leading and trailing space trimmed.
func normalise(_ text: String) -> String {
    let scalars = Array(text.precomposedStringWithCanonicalMapping.unicodeScalars)
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    var index = 0
    while index < scalars.count {
        let scalar = scalars[index]
        index += 1
        if scalar == "\u{AD}" {
            while index < scalars.count && scalars[index].properties.isWhitespace { index += 1 }
        } else if scalar.properties.isWhitespace {
            pendingSpace = !result.isEmpty
        } else {
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(scalar)
        }
    }
    return String(result)
}
