/// Date functions. They read the clock only through `FunctionEnvironment.now`.
///
/// Calendar units (years, months, days) move the local date in the zone concerned and clamp
/// month ends (Jan 31 + 1 month → Feb 28); hours, minutes and seconds are exact. An unknown
/// zone id or date part is an `ERR_EXPR_INVALID_ARGUMENT` error.
extension StandardFunctions {
    static var dateFunctions: [Entry] {
        [
            overload("currentTimeInMillis", [ValueType](), returns: .integer) { _, environment in
                .integer(environment.now.epochMilliseconds)
            },
            overload("now", [ValueType](), returns: .dateTime) { _, environment in .dateTime(environment.now) },
            overload("now", [.string], returns: .dateTime) { args, environment throws(ExpressionError) in
                .dateTime(environment.now.inZone(try args.zone(0)))
            },
            overload("nowWithDelta", [.integer, .string], returns: .dateTime) { args, environment throws(ExpressionError) in
                .dateTime(try shifted(environment.now, by: try args.integer(0), try unit(try args.string(1))))
            },
            overload("nowWithDelta", [.integer, .string, .string], returns: .dateTime) { args, environment throws(ExpressionError) in
                let now = environment.now.inZone(try args.zone(2))
                return .dateTime(try shifted(now, by: try args.integer(0), try unit(try args.string(1))))
            },
            window("inLastDays", .days, past: true),
            window("inLastHours", .hours, past: true),
            window("inLastMonths", .months, past: true),
            window("inLastYears", .years, past: true),
            window("inNextDays", .days, past: false),
            window("inNextHours", .hours, past: false),
            window("inNextMonths", .months, past: false),
            window("inNextYears", .years, past: false),
            setter("setHours") { local, hours throws(ExpressionError) in
                guard (0...23).contains(hours) else { throw RuntimeFailure.invalidArgument("\(hours) is not an hour of the day (0 to 23)") }
                return LocalDateTime(date: local.date, millisecondOfDay: local.millisecondOfDay % 3_600_000 + hours * 3_600_000)
            },
            setter("setDays") { local, day throws(ExpressionError) in
                let date = local.date
                guard day >= 1, day <= Int64(LocalDate.daysInMonth(year: date.year, month: date.month)) else {
                    throw RuntimeFailure.invalidArgument("\(day) is not a day of \(date.year)-\(twoDigits(date.month))")
                }
                return LocalDateTime(date: LocalDate(year: date.year, month: date.month, day: Int(day)), millisecondOfDay: local.millisecondOfDay)
            },
            overload("updateTimeZone", [.dateTime, .string], returns: .dateTime) { args, _ throws(ExpressionError) in
                .dateTime(try args.dateTime(0).inZone(try args.zone(1)))
            },
        ]
    }

    /// A date part as `nowWithDelta` names it (`years` … `seconds`, any case).
    private static func unit(_ name: String) throws(ExpressionError) -> CalendarUnit {
        guard let unit = CalendarUnit(rawValue: name.lowercased()) else {
            throw RuntimeFailure.invalidArgument("\"\(name)\" is not a date part (years, months, days, hours, minutes or seconds)")
        }
        return unit
    }

    private static func shifted(_ instant: ZonedDateTime, by amount: Int64, _ unit: CalendarUnit) throws(ExpressionError) -> ZonedDateTime {
        guard let result = instant.adding(amount, unit) else { throw outOfRange }
        return result
    }

    /// `name(dateTime, n) → boolean`: whether the instant lies between now and now ∓ n units
    /// (bounds included), computed in the zone of `now`.
    private static func window(_ name: String, _ unit: CalendarUnit, past: Bool) -> Entry {
        overload(name, [.dateTime, .integer], returns: .boolean) { args, environment throws(ExpressionError) in
            let instant = try args.dateTime(0)
            let amount = try args.integer(1)
            let now = environment.now
            let (negated, overflow) = Int64(0).subtractingReportingOverflow(amount)
            guard !overflow else { throw outOfRange }
            let other = try shifted(now, by: past ? negated : amount, unit)
            let bounds = now < other ? now...other : other...now
            return .boolean(bounds.contains(instant))
        }
    }

    /// `name(dateTime|dateTimeOnly, integer)` changing the local fields; a dateTime keeps its zone.
    private static func setter(
        _ name: String, _ change: @escaping @Sendable (LocalDateTime, Int64) throws(ExpressionError) -> LocalDateTime
    ) -> Entry {
        generic(name, signature: "\(name)(dateTime|dateTimeOnly, integer) → same", rule: { types in
            guard types.count == 2, fits(types[0], .dateTime, .dateTimeOnly), fits(types[1], .integer) else { return nil }
            return types[0] == .dateTime || types[0] == .dateTimeOnly ? types[0] : .any
        }) { args, _ throws(ExpressionError) in
            let amount = try args.integer(1)
            switch args.argument(0) {
            case .dateTimeOnly(let local): return .dateTimeOnly(try change(local, amount))
            case .dateTime(let dateTime):
                guard let result = ZonedDateTime(local: try change(dateTime.localDateTime, amount), zone: dateTime.zone) else { throw outOfRange }
                return .dateTime(result)
            default: throw args.mismatch(0, "a dateTime or a dateTimeOnly")
            }
        }
    }
}
