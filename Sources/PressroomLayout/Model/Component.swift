// A component: a named, parameterised list of blocks in Layouts/components/, defined once and
// used by many layouts (`use: address-block` with `with: { party: "{{ customer }}" }`).

public struct Component: Sendable {
    public struct Parameter: Sendable {
        public var name: String
        public var required: Bool
        /// Used when the caller passes nothing.
        public var defaultValue: Template?
        public var description: String?

        public init(name: String, required: Bool = true, defaultValue: Template? = nil, description: String? = nil) {
            self.name = name
            self.required = required
            self.defaultValue = defaultValue
            self.description = description
        }
    }

    public var name: String
    public var description: String?
    public var parameters: [Parameter]
    public var content: [Block]
    public var location: SourceLocation

    public init(name: String, description: String? = nil, parameters: [Parameter], content: [Block], location: SourceLocation) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.content = content
        self.location = location
    }
}
