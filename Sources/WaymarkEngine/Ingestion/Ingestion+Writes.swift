import WaymarkCore
import WaymarkStore

extension Ingestion {
    /// The idempotency key of an event's inbox entry for one route: `_id`, or `_id#eventName`
    /// when the event matched several configs.
    static func inboxEventID(of event: ReceivedEvent, route: EventRoute, routeCount: Int) -> String {
        routeCount == 1 ? event.id : event.id + "#" + route.eventName
    }

    /// Hands the routed events' entries to the acceptor in ONE call and fills in their results.
    /// - Returns: the events that were newly accepted (not duplicates).
    func accept(_ routed: [RoutedEvent], receivedAt: Int64, results: inout [IngestionResult]) async -> [RoutedEvent] {
        guard !routed.isEmpty else { return [] }
        var events: [SubmittedEvent] = []
        for item in routed {
            for route in item.routes {
                let entry = InboxEntry(
                    partition: route.profile.partition(of: partitionCount), kind: .event,
                    eventID: Self.inboxEventID(of: item.event, route: route, routeCount: item.routes.count),
                    eventName: route.eventName, profile: route.profile, payload: item.payload, receivedAt: receivedAt)
                events.append(SubmittedEvent(entry: entry, payload: item.event.payload))
            }
        }
        let outcomes = await acceptor.accept(events)
        var accepted: [RoutedEvent] = []
        var position = 0
        for item in routed {
            var isNew = false
            var failure: StoreError?
            for route in item.routes {
                var sequence: Int64?
                switch outcomes[position] {
                case .success(.accepted(let assigned)):
                    isNew = true
                    sequence = assigned
                case .success(.duplicate): break
                case .failure(let error): failure = error
                }
                results[item.result].entries.append(IngestionResult.Entry(
                    sequence: sequence, eventName: route.eventName, profile: route.profile,
                    partition: route.profile.partition(of: partitionCount)))
                position += 1
            }
            if let failure {
                // Sending it again is safe: whatever part was stored is recognised as a duplicate.
                results[item.result].status = .rejected
                results[item.result].entries = []
                results[item.result].errors = [IngestionError(
                    .storeUnavailable, "the event could not be stored; send it again (\(failure))")]
                continue
            }
            results[item.result].status = isNew ? .accepted : .duplicate
            if isNew { accepted.append(item) }
        }
        return accepted
    }

    /// Commits the discard records of the batch in one transaction on the discard partition.
    /// When that fails, the events that were only discarded are rejected (`storeUnavailable`).
    func recordDiscards(_ discards: [(result: Int, records: [DiscardRecord])], results: inout [IngestionResult]) async {
        guard !discards.isEmpty else { return }
        var commit = PartitionCommit(partition: discardPartition, leaseGeneration: 0)
        commit.discards = discards.flatMap(\.records)
        do {
            try await store.commit([commit])
        } catch {
            logger.error("discard records not written", metadata: ["error": "\(error)"])
            for (index, _) in discards where results[index].status == .discarded {
                results[index].status = .rejected
                results[index].errors = [IngestionError(
                    .storeUnavailable, "the discard record could not be stored; send the event again (\(error))")]
            }
        }
    }

    /// Adds the identities of newly accepted events to the profile store, so the person is found
    /// by any of them: one profile per event, keyed by its first route's profile, holding the other
    /// routes' profiles and the `identityMap` identities. Only identities are written (the store
    /// leaves attributes, test flags and time zones alone); events that bring nothing new write
    /// nothing. A key whose identities belong to one other known person joins that person (the
    /// store merges); identities that would join
    /// two known people are skipped. Failures are logged, not returned: the events are already
    /// accepted.
    func recordIdentities(of accepted: [RoutedEvent], at now: Int64) async {
        var wanted: [ProfileKey: [ProfileKey]] = [:]
        var order: [ProfileKey] = []
        for item in accepted {
            guard let owner = item.routes.first?.profile else { continue }
            let identities = (item.routes.dropFirst().map(\.profile) + item.event.identities).filter { $0 != owner }
            guard !identities.isEmpty else { continue }
            if wanted[owner] == nil { order.append(owner) }
            for identity in identities where !(wanted[owner] ?? []).contains(identity) { wanted[owner, default: []].append(identity) }
        }
        guard !order.isEmpty else { return }
        do {
            let known = try await store.profiles(order)
            var links: [(key: ProfileKey, identities: [ProfileKey])] = []
            for owner in order {
                let existing = known[owner]
                let held = Set(existing.map { [$0.key] + $0.identities } ?? [])
                let missing = wanted[owner]!.filter { !held.contains($0) }
                guard !missing.isEmpty else { continue }
                links.append((existing?.key ?? owner, missing))
            }
            guard !links.isEmpty else { return }
            do {
                try await store.linkIdentities(links, at: now)
            } catch {
                // One conflicting identity fails the whole batch: link the others one by one.
                for link in links {
                    do {
                        try await store.linkIdentities([link], at: now)
                    } catch {
                        logger.warning(
                            "identities of a profile not recorded", metadata: ["profile": "\(link.key)", "error": "\(error)"])
                    }
                }
            }
        } catch {
            logger.warning("identities not recorded", metadata: ["error": "\(error)"])
        }
    }
}
