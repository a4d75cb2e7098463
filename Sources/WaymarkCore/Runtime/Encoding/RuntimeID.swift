/// The ids of steps, timers and calls (`<instance id>/s3`, `<instance id>/g`, …): built in one
/// allocation of the right size instead of through string interpolation, and recognised
/// without being built.
enum RuntimeID {
    /// `base`, then `suffix`, then the decimal digits of `number` when there is one.
    static func make(_ base: String, _ suffix: String, _ number: UInt32? = nil) -> String {
        let made = base.utf8.withContiguousStorageIfAvailable { head in
            suffix.utf8.withContiguousStorageIfAvailable { tail in
                String(unsafeUninitializedCapacity: head.count + tail.count + 10) { buffer in
                    var end = buffer.initialize(fromContentsOf: head)
                    end += UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(fromContentsOf: tail)
                    guard let number else { return end }
                    return end + writeDecimal(number, into: UnsafeMutableBufferPointer(rebasing: buffer[end...]))
                }
            }
        }
        return (made ?? nil) ?? base + suffix + (number.map { String($0) } ?? "")
    }

    /// Whether `id == make(base, suffix, number)`.
    static func matches(_ id: String, _ base: String, _ suffix: String, _ number: UInt32? = nil) -> Bool {
        let digitCount = number.map(decimalCount) ?? 0
        guard id.utf8.count == base.utf8.count + suffix.utf8.count + digitCount else { return false }
        let matched = id.utf8.withContiguousStorageIfAvailable { whole in
            base.utf8.withContiguousStorageIfAvailable { head in
                suffix.utf8.withContiguousStorageIfAvailable { tail in
                    let tailEnd = head.count + tail.count
                    guard whole[..<head.count].elementsEqual(head), whole[head.count..<tailEnd].elementsEqual(tail) else {
                        return false
                    }
                    guard var rest = number else { return true }
                    for index in (tailEnd..<whole.count).reversed() {
                        guard whole[index] == UInt8(truncatingIfNeeded: 48 + rest % 10) else { return false }
                        rest /= 10
                    }
                    return true
                }
            }
        }
        return ((matched ?? nil) ?? nil) ?? (id == make(base, suffix, number))
    }

    /// How many decimal digits `number` has.
    private static func decimalCount(_ number: UInt32) -> Int {
        var count = 1
        var rest = number / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }

    /// Writes the decimal digits of `number` at the start of `buffer`; returns how many.
    private static func writeDecimal(_ number: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let count = decimalCount(number)
        var rest = number
        for index in stride(from: count - 1, through: 0, by: -1) {
            buffer[index] = UInt8(truncatingIfNeeded: 48 + rest % 10)
            rest /= 10
        }
        return count
    }
}
