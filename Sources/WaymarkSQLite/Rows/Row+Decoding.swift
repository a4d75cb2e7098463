import Foundation
import GRDB
import WaymarkCore
import WaymarkStore

extension Row {
    /// The bytes of a BLOB column.
    func bytes(_ index: Int) throws -> [UInt8] {
        [UInt8](try decode(Data.self, atIndex: index))
    }

    /// A column holding the raw value of a `RawRepresentable` (e.g. an inbox kind).
    func enumeration<Value: RawRepresentable>(_ type: Value.Type, _ index: Int) throws -> Value where Value.RawValue: DatabaseValueConvertible {
        let raw = try decode(Value.RawValue.self, atIndex: index)
        guard let value = Value(rawValue: raw) else {
            throw StoreError(.corrupt, "unknown \(Value.self) '\(raw)' in column \(columnNames.dropFirst(index).first ?? "\(index)")")
        }
        return value
    }

    /// A profile key from two columns: namespace then id.
    func profileKey(_ index: Int) throws -> ProfileKey {
        ProfileKey(namespace: try decode(atIndex: index), id: try decode(atIndex: index + 1))
    }
}

extension Array where Element == UInt8 {
    /// The bytes as a BLOB value.
    var blob: Data { Data(self) }
}
