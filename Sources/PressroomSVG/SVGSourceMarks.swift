// Source marks for a preview: where the layout wrote each area of the page, as unfilled rectangles
// whose data- attributes name the block, its component, and the file, line, column and data path.
import PressroomGraphics

enum SVGSourceMarks {
    /// `<g class="pr-sources">` with one rectangle per mark, in display-list order; nothing when
    /// there are no marks.
    static func append(_ marks: [(Rect, SourceMark)], to output: inout SVGOutput) {
        guard !marks.isEmpty else { return }
        output.append("<g class=\"pr-sources\">")
        for (rect, mark) in marks {
            output.append("<rect class=\"pr-source\"")
            output.frame(rect)
            output.append(" fill=\"none\"")
            output.attribute("data-kind", mark.kind)
            if let component = mark.component { output.attribute("data-component", component) }
            output.attribute("data-file", mark.file)
            output.attribute("data-line", mark.line)
            output.attribute("data-column", mark.column)
            if let path = mark.dataPath { output.attribute("data-path", path) }
            output.append("/>")
        }
        output.append("</g>")
    }
}
