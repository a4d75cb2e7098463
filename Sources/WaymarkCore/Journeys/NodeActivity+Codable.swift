extension NodeActivity: Codable {
    private enum CodingKeys: String, CodingKey { case kind, condition, wait }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "event": self = .event(try EventActivity(from: decoder))
        case "reaction": self = .reaction(try ReactionActivity(from: decoder))
        case "audienceQualification": self = .audienceQualification(try AudienceQualificationActivity(from: decoder))
        case "readAudience": self = .readAudience(try ReadAudienceActivity(from: decoder))
        case "condition": self = .condition(try container.decodeIfPresent(Condition.self, forKey: .condition))
        case "wait": self = .wait(try container.decodeIfPresent(Wait.self, forKey: .wait))
        case "action": self = .action(try ActionActivity(from: decoder))
        case "jump": self = .jump(try JumpActivity(from: decoder))
        case "updateProfile": self = .updateProfile(try UpdateProfileActivity(from: decoder))
        case "end": self = .end
        default:
            throw container.unknownValue(kind, forKey: .kind, of: "node kind", expected: "event, reaction, audienceQualification, "
                    + "readAudience, condition, wait, action, jump, updateProfile or end")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .event(let activity): try activity.encode(to: encoder)
        case .reaction(let activity): try activity.encode(to: encoder)
        case .audienceQualification(let activity): try activity.encode(to: encoder)
        case .readAudience(let activity): try activity.encode(to: encoder)
        case .condition(let condition): try container.encodeIfPresent(condition, forKey: .condition)
        case .wait(let wait): try container.encodeIfPresent(wait, forKey: .wait)
        case .action(let activity): try activity.encode(to: encoder)
        case .jump(let activity): try activity.encode(to: encoder)
        case .updateProfile(let activity): try activity.encode(to: encoder)
        case .end: break
        }
    }
}
