extension DataSourceConfig {
    /// The name of the built-in profile store.
    public static let experiencePlatformName = "ExperiencePlatform"
    /// The name of the profile store's pre-configured field group.
    public static let profileFieldGroupName = "ProfileFieldGroup"

    /// The built-in profile store with its pre-configured `ProfileFieldGroup` and any extra groups.
    public static func experiencePlatform(
        profileFields: FieldSchema = defaultProfileFields, extraFieldGroups: [FieldGroup] = []
    ) -> DataSourceConfig {
        DataSourceConfig(
            name: experiencePlatformName, description: "The real-time customer profile store",
            provider: .experiencePlatform,
            fieldGroups: [FieldGroup(name: profileFieldGroupName, fields: profileFields)] + extraFieldGroups)
    }

    /// The profile fields of `ProfileFieldGroup` when none are configured.
    public static let defaultProfileFields = FieldSchema([
        SchemaField(name: "person", type: .object, fields: [
            SchemaField(name: "name", type: .object, fields: [
                SchemaField(name: "firstName", type: .string),
                SchemaField(name: "lastName", type: .string),
            ]),
            SchemaField(name: "birthDate", type: .dateOnly),
        ]),
        SchemaField(name: "personalEmail", type: .object, fields: [SchemaField(name: "address", type: .string)]),
        SchemaField(name: "mobilePhone", type: .object, fields: [SchemaField(name: "number", type: .string)]),
        SchemaField(name: "homeAddress", type: .object, fields: [
            SchemaField(name: "city", type: .string),
            SchemaField(name: "country", type: .string),
        ]),
        SchemaField(name: "preferredLanguage", type: .string),
        SchemaField(name: "timeZone", type: .string),
    ])
}
