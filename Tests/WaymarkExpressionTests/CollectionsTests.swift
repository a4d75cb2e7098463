import Testing
@testable import WaymarkExpression

@Suite struct CollectionsTests {
    private func skus(_ value: Value) -> [String] {
        guard case .list(let items) = value else { return [] }
        return items.compactMap {
            guard case .object(let fields) = $0, case .string(let sku)? = fields["sku"] else { return nil }
            return sku
        }
    }

    @Test func allFiltersElements() throws {
        #expect(skus(try evaluate("@{MyEvent.items.all(currentEventField.price > 10)}")) == ["b", "c"])
        #expect(skus(try evaluate("@{MyEvent.items.all()}")) == ["a", "b", "c"])
        #expect(skus(try evaluate("@{MyEvent.items}.all(currentEventField.sku != 'b')")) == ["a", "c"])
        #expect(skus(try evaluate("@{MyEvent.items.all(currentEventField.price > 100)}")) == [])
    }

    @Test func firstLastAndAt() throws {
        #expect(try evaluate("@{MyEvent.items.first(currentEventField.price > 10).sku}") == .string("b"))
        #expect(try evaluate("@{MyEvent.items.last(currentEventField.price > 10).sku}") == .string("c"))
        #expect(try evaluate("@{MyEvent.items.first().sku}") == .string("a"))
        #expect(try evaluate("@{MyEvent.items.last().sku}") == .string("c"))
        #expect(try evaluate("@{MyEvent.items.at(1).price}") == .integer(15))
        #expect(try evaluate("@{MyEvent.items.at(7)}") == .null)
        #expect(try evaluate("@{MyEvent.items.at(-1)}") == .null)
        #expect(try evaluate("@{MyEvent.items.first(currentEventField.price > 100).sku}") == .null)
        #expect(try evaluate("[10, 20, 30].at(2)") == .integer(30))
        #expect(try evaluate("[10, 20, 30].first(currentEventField > 15)") == .integer(20))
    }

    @Test func nestedConditionsSeeTheirOwnElement() throws {
        #expect(skus(try evaluate("@{MyEvent.items.all(currentEventField.tags.first(currentEventField == 'z') is not null)}")) == ["b"])
    }

    @Test func mapsOfIdentities() throws {
        #expect(try evaluate("@{MyEvent.identityMap.entry('Email').first().id}") == .string("ada@example.com"))
        #expect(try evaluate("@{MyEvent.identityMap.entry('Email').last(currentEventField.primary == false).id}") == .string("ada@work.example"))
        #expect(try evaluate("@{MyEvent.identityMap.entry('Nope')}") == .null)
        #expect(try evaluate("@{MyEvent.identityMap.firstEntryKey()}") == .string("Email"))
        #expect(try evaluate("@{MyEvent.identityMap.keys()}") == .list([.string("Email"), .string("ECID")]))
        #expect(try evaluate("@{MyEvent.identityMap.entry(@{E.b})}") == .null)
    }

    @Test func dataSourceAndActionLists() throws {
        #expect(try evaluate("#{Weather.data.forecast.first(currentDataPackField.max > 21).day}") == .integer(2))
        #expect(try evaluate("@action{SendOffer.rows.first(currentActionField.ok).id}") == .integer(2))
        #expect(failure("@action{SendOffer.rows.first(currentEventField.ok)}")?.code == .currentField)
    }

    @Test func currentElementOutsideAConditionIsAnError() {
        #expect(failure("currentEventField.x")?.code == .currentField)
        #expect(failure("@{MyEvent.items.first().sku} == currentEventField")?.code == .currentField)
    }

    @Test func nullReceiversGiveNull() throws {
        #expect(try evaluate("@{MyEvent.nothing}.first()") == .null)
        #expect(try evaluate("@{MyEvent.nothing}.entry('x')") == .null)
        #expect(try evaluate("@{MyEvent.nothing}.keys()") == .null)
        #expect(try evaluate("@{MyEvent.nothing}.x") == .null)
    }
}
