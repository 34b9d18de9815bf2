// The resources one page (or form) uses (§7.8.3), named /F1, /Im1, /Fm1, /CS1 as they are first used.

struct PageResources {
    private(set) var fonts: [(PDFName, PDFReference)] = []
    private(set) var images: [(PDFName, PDFReference)] = []
    private(set) var colourSpaces: [(PDFName, PDFReference)] = []
    private(set) var forms: [(PDFName, PDFReference)] = []

    mutating func use(font name: PDFName, _ reference: PDFReference) {
        if !fonts.contains(where: { $0.0 == name }) { fonts.append((name, reference)) }
    }

    mutating func name(forImage reference: PDFReference) -> PDFName {
        if let entry = images.first(where: { $0.1 == reference }) { return entry.0 }
        let name = PDFName("Im\(images.count + 1)")
        images.append((name, reference))
        return name
    }

    /// A Form XObject (a placed page), named /Fm1, /Fm2 beside the images.
    mutating func name(forForm reference: PDFReference) -> PDFName {
        if let entry = forms.first(where: { $0.1 == reference }) { return entry.0 }
        let name = PDFName("Fm\(forms.count + 1)")
        forms.append((name, reference))
        return name
    }

    mutating func name(forColourSpace reference: PDFReference) -> PDFName {
        if let entry = colourSpaces.first(where: { $0.1 == reference }) { return entry.0 }
        let name = PDFName("CS\(colourSpaces.count + 1)")
        colourSpaces.append((name, reference))
        return name
    }

    var dictionary: PDFDictionary {
        var resources = PDFDictionary()
        func section(_ entries: [(PDFName, PDFReference)]) -> PDFObject {
            var dictionary = PDFDictionary()
            for (name, reference) in entries { dictionary[name] = reference.object }
            return .dictionary(dictionary)
        }
        if !fonts.isEmpty { resources["Font"] = section(fonts) }
        if !images.isEmpty || !forms.isEmpty { resources["XObject"] = section(images + forms) }
        if !colourSpaces.isEmpty { resources["ColorSpace"] = section(colourSpaces) }
        return resources
    }
}
