import Testing
@testable import WaymarkCore

@Suite struct RuntimeIDTests {
    @Test func idsAreTheBaseTheSuffixAndTheNumber() {
        #expect(RuntimeID.make("0123456789abcdef0123456789abcdef", "/s", 0) == "0123456789abcdef0123456789abcdef/s0")
        #expect(RuntimeID.make("abc", "/t", 4_294_967_295) == "abc/t4294967295")
        #expect(RuntimeID.make("abc", "/g") == "abc/g")
        #expect(RuntimeID.make("é", "/n/", 10) == "é/n/10")
    }

    @Test func matchingAgreesWithComparingTheBuiltID() {
        let bases = ["", "abc", "0123456789abcdef0123456789abcdef", "é"]
        let suffixes = ["", "/t", "/act/"]
        let numbers: [UInt32?] = [nil, 0, 7, 10, 4_294_967_295]
        let candidates = [
            "", "abc/t7", "abc/t07", "abc/t70", "abc/t", "abc/g", "abc/act/10", "é/t0", "0123456789abcdef0123456789abcdef/t7",
        ]
        for base in bases {
            for suffix in suffixes {
                for number in numbers {
                    let id = RuntimeID.make(base, suffix, number)
                    #expect(RuntimeID.matches(id, base, suffix, number))
                    for candidate in candidates {
                        #expect(RuntimeID.matches(candidate, base, suffix, number) == (candidate == id), "\(candidate) vs \(id)")
                    }
                }
            }
        }
    }

    @Test func instanceIDsAreTheHashOfTheJoinedParts() {
        var hasher = IdentifierHasher()
        for part in ["w1@1.0", "\u{1F}", "Email", ":", "ada@example.com", "\u{1F}", "s1"] { hasher.combine(part) }
        #expect(hasher.identifier == RuntimeHash.identifier("w1@1.0\u{1F}Email:ada@example.com\u{1F}s1"))
    }
}
