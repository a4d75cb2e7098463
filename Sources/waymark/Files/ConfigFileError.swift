/// A config file that could not be read or parsed.
struct ConfigFileError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, with the place in the file when known.
    var message: String

    var description: String { message }
}
