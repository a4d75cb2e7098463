/// What a journey node does; the node's `kind` in configs.
///
/// Settings are optional where a business user may not have filled them in yet: an
/// unfinished node still decodes, and validation reports it.
public enum NodeActivity: Hashable, Sendable {
    /// Waits for (or, first in the journey, enters on) a configured event.
    case event(EventActivity)
    /// Waits for tracking of a message sent earlier in the journey.
    case reaction(ReactionActivity)
    /// Waits for (or enters on) a person entering or exiting an audience.
    case audienceQualification(AudienceQualificationActivity)
    /// Enters every member of an audience.
    case readAudience(ReadAudienceActivity)
    /// Chooses one path.
    case condition(Condition?)
    /// Waits.
    case wait(Wait?)
    /// Runs a custom action or sends a message.
    case action(ActionActivity)
    /// Sends the person to another journey.
    case jump(JumpActivity)
    /// Sets one field of the person's profile.
    case updateProfile(UpdateProfileActivity)
    /// Ends the path.
    case end

    /// The `kind` string of the node in configs (and the node type of step events).
    public var kind: String {
        switch self {
        case .event: "event"
        case .reaction: "reaction"
        case .audienceQualification: "audienceQualification"
        case .readAudience: "readAudience"
        case .condition: "condition"
        case .wait: "wait"
        case .action: "action"
        case .jump: "jump"
        case .updateProfile: "updateProfile"
        case .end: "end"
        }
    }

    /// Whether a journey can start with this node.
    public var canBeEntry: Bool {
        switch self {
        case .event, .audienceQualification, .readAudience: true
        default: false
        }
    }

    /// Whether the node waits for something to happen (and may stand in parallel with others).
    public var isWaiting: Bool {
        switch self {
        case .event, .reaction, .audienceQualification, .wait: true
        default: false
        }
    }
}
