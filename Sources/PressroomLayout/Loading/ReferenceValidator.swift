// Finds every name a layout uses that the library or the theme does not define (components and
// their parameters, styles, colours, font roles, the logo) and components that use themselves,
// walking into components' content, so each problem points into the file that has it.

struct ReferenceValidator {
    let components: [String: Component]
    let theme: Theme
    private var problems: [LayoutError] = []
    /// Components whose content has been walked: each is checked once, however often it is used.
    private var walked: Set<String> = []

    static func problems(in layout: Layout, theme: Theme, components: [String: Component]) -> [LayoutError] {
        var validator = ReferenceValidator(components: components, theme: theme)
        validator.checkTheme()
        for box in layout.first.boxes + layout.following.boxes {
            validator.check(box.content, using: [])
            validator.colour(box.background, at: box.location)
        }
        validator.check(layout.flow, using: [])
        // Without `following:` the first page's boxes stand on later pages too: report them once.
        var seen: [LayoutError] = []
        return validator.problems.filter { problem in
            guard !seen.contains(problem) else { return false }
            seen.append(problem)
            return true
        }
    }

    private mutating func report(_ kind: LayoutError.Kind, _ message: String, at location: SourceLocation) {
        problems.append(LayoutError(kind, message, at: location))
    }

    /// "did you mean `x`? (the styles are a, b, c)" for a name not among `known`.
    private func choices(_ name: String, among known: some Collection<String>, plural: String) -> String {
        let sorted = known.sorted()
        let listed = sorted.isEmpty ? "it defines no \(plural)" : "the \(plural) are \(Suggestion.list(sorted))"
        return Suggestion.closest(to: name, in: sorted).map { "; did you mean `\($0)`? (\(listed))" } ?? "; \(listed)"
    }

    // MARK: The theme

    private mutating func checkTheme() {
        for (name, style) in theme.styles.sorted(by: { $0.key < $1.key }) {
            if theme.fonts[style.font] == nil {
                report(.unknownReference, "style `\(name)` uses font role `\(style.font)`, which theme `\(theme.name)` does not define"
                       + choices(style.font, among: theme.fonts.keys, plural: "font roles"), at: style.location)
            }
            if theme.colours[style.colour] == nil {
                report(.unknownReference, "style `\(name)` uses colour `\(style.colour)`, which theme `\(theme.name)` does not define"
                       + choices(style.colour, among: theme.colours.keys, plural: "colours"), at: style.location)
            }
        }
    }

    private mutating func style(_ name: String?, at location: SourceLocation) {
        guard let name, theme.styles[name] == nil else { return }
        report(.unknownReference, "style `\(name)` is not in theme `\(theme.name)`" + choices(name, among: theme.styles.keys, plural: "styles"),
               at: location)
    }

    mutating func colour(_ name: String?, at location: SourceLocation) {
        guard let name, theme.colours[name] == nil else { return }
        report(.unknownReference, "colour `\(name)` is not in theme `\(theme.name)`" + choices(name, among: theme.colours.keys, plural: "colours"),
               at: location)
    }

    // MARK: Blocks

    private mutating func check(_ blocks: [Block], using stack: [String]) {
        for block in blocks { check(block, using: stack) }
    }

    /// `stack`: the components being walked, outermost first, to catch one that uses itself.
    private mutating func check(_ block: Block, using stack: [String]) {
        switch block.kind {
        case .text(let text):
            style(text.style ?? "body", at: block.location)  // TextBlock: no style is the theme's `body`
            for span in text.spans { style(span.style, at: span.location) }
        case .image(let image):
            if case .logo = image.source, theme.logo == nil {
                report(.unknownReference, "`image: logo` needs a `logo:` in theme `\(theme.name)`", at: block.location)
            }
        case .rule(let rule):
            colour(rule.colour, at: block.location)
        case .columns(let columns):
            for column in columns.columns { check(column.content, using: stack) }
        case .table(let table):
            style(table.headerStyle, at: block.location)
            style(table.cellStyle, at: block.location)
            for column in table.columns { style(column.style, at: column.location) }
            for name in [table.headerFill, table.stripe, table.rule] { colour(name, at: block.location) }
        case .group(let blocks):
            check(blocks, using: stack)
        case .each(let each):
            check(each.content, using: stack)
        case .component(let use):
            check(use, using: stack)
        case .spacer, .barcode, .pageBreak:
            break
        }
    }

    private mutating func check(_ use: ComponentUse, using stack: [String]) {
        guard let component = components[use.name] else {
            report(.unknownReference, "there is no component `\(use.name)`" + choices(use.name, among: components.keys, plural: "components"),
                   at: use.location)
            return
        }
        let declared = component.parameters.map(\.name)
        for (name, argument) in use.arguments.sorted(by: { $0.key < $1.key }) where !declared.contains(name) {
            let location = argument.location == .builtIn ? use.location : argument.location
            report(.unknownReference, "component `\(use.name)` has no parameter `\(name)`" + choices(name, among: declared, plural: "parameters"),
                   at: location)
        }
        for parameter in component.parameters where parameter.required && use.arguments[parameter.name] == nil {
            report(.invalidValue, "component `\(use.name)` needs parameter `\(parameter.name)`; pass it as `with: { \(parameter.name): … }`",
                   at: use.location)
        }
        if stack.contains(use.name) {
            let cycle = (stack.drop { $0 != use.name } + [use.name]).joined(separator: " → ")
            report(.invalidValue, "component `\(use.name)` uses itself (\(cycle)); a component cannot contain itself", at: use.location)
            return
        }
        guard walked.insert(use.name).inserted else { return }
        check(component.content, using: stack + [use.name])
    }
}
