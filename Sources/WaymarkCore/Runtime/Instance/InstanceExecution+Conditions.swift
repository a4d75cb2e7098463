extension InstanceExecution {
    /// Chooses the path of a condition node and leaves it that way.
    mutating func runCondition(_ node: RunnableNode, _ condition: Condition, since: Int64) {
        let trigger: Transition.Trigger
        switch condition {
        case .dataSource(let paths):
            do {
                trigger = try evaluating(for: node) { evaluation throws(ExpressionError) in
                    for (index, expression) in node.conditions.enumerated() where index < paths.count {
                        if try expression.evaluate(in: evaluation) == .boolean(true) { return .path(paths[index].label) }
                    }
                    return .otherCases
                }
            } catch {
                return fail(node, code: error.code.rawValue, since: since)
            }
        case .time(let time):
            let zone = zone(preferringProfile: time.zone == .profile)
            let local = LocalClock(epochMilliseconds: now, zone: zone)
            trigger = time.paths.first { local.matches($0) }.map { .path($0.label) } ?? .otherCases
        case .date(let paths):
            trigger = paths.first { path in path.periods.contains { $0.from.milliseconds <= now && now < $0.to.milliseconds } }
                .map { .path($0.label) } ?? .otherCases
        case .percentage(let paths):
            trigger = choosePercentagePath(node, paths)
        case .profileCap(let cap):
            trigger = passProfileCap(node, cap: cap)
        }
        leave(node, status: .transitions, trigger: trigger, since: since)
    }

    /// A random path by percentages (the first one in test mode).
    private func choosePercentagePath(_ node: RunnableNode, _ paths: [PercentagePath]) -> Transition.Trigger {
        guard let first = paths.first else { return .otherCases }
        if instance.inTest { return .path(first.label) }
        let draw = context.random.unit(for: "\(instance.instanceID)/\(node.id)/\(instance.sequence)") * 100
        var total = 0.0
        for path in paths {
            total += path.percentage
            if draw < total { return .path(path.label) }
        }
        return .path(paths[paths.count - 1].label)
    }

    /// `next` for the first `cap` people (counted), `otherCases` for the rest; everyone passes in test mode.
    private mutating func passProfileCap(_ node: RunnableNode, cap: Int) -> Transition.Trigger {
        if instance.inTest { return .next }
        let counter = journey.profileCapCounter(nodeID: node.id)
        guard (context.counters[counter] ?? 0) < Int64(cap) else { return .otherCases }
        effects.append(.incrementCounter(name: counter, by: 1))
        return .next
    }

    /// The zone hours and days are read in: the journey's setting, or the profile's zone first.
    func zone(preferringProfile: Bool) -> Zone {
        let identifier: String
        switch journey.journey.properties.timeZone {
        case .fixed(let id): identifier = preferringProfile ? context.profile.timeZone ?? id : id
        case .profile(let fallback): identifier = context.profile.timeZone ?? fallback
        }
        if let zone = Zone(identifier: identifier) { return zone }
        if case .profile(let fallback) = journey.journey.properties.timeZone, let zone = Zone(identifier: fallback) { return zone }
        return .utc
    }
}
