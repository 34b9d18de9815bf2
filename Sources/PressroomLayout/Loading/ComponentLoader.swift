// A component file from YAML: its name, description, declared parameters (required, or with a
// default) and the blocks it stands for.

enum ComponentLoader {
    static let keys = ["component", "description", "params", "content"]
    static let parameterKeys = ["required", "default", "description"]

    static func component(_ root: YAMLValue) throws(LayoutError) -> Component {
        let component = try FileKind.component.header(of: root)
        try component.checkKeys(allowed: keys, in: "a component")
        return Component(name: try component.required("component", in: "a component").text(),
                         description: try component["description"]?.text(),
                         parameters: try component.optional("params") { v throws(LayoutError) in try parameters(v) } ?? [],
                         content: try BlockLoader.blocks(try component.required("content", in: "a component", example: "content: [ { text: … } ]")),
                         location: component.location)
    }

    /// `params: { party: { required: true }, note: { default: "" } }`; `name:` alone is required.
    /// A parameter with a `default` is optional unless it says otherwise, which is an error.
    private static func parameters(_ value: YAMLValue) throws(LayoutError) -> [Component.Parameter] {
        var parameters: [Component.Parameter] = []
        for entry in try YAMLMapping(value).entries {
            let name = try entry.keyValue.identifier()
            guard !entry.value.isNull else {
                parameters.append(Component.Parameter(name: name))
                continue
            }
            let parameter = try entry.value.mapping("parameter `\(name)`", allowed: parameterKeys)
            let defaultValue = try parameter["default"]?.template()
            let required = try parameter["required"]?.bool()
            if required == true, defaultValue != nil {
                throw LayoutError(.invalidValue, "parameter `\(name)` is required and has a default; remove one of them",
                                  at: parameter.keyLocation("default"))
            }
            parameters.append(Component.Parameter(name: name, required: required ?? (defaultValue == nil), defaultValue: defaultValue,
                                                  description: try parameter["description"]?.text()))
        }
        return parameters
    }
}
