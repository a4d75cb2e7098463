/// Step events grouped: one `step_event_groups` row holds the consecutive steps one instance
/// took in one commit, as a JSON array, instead of a `step_event_rows` row per step. The
/// `step_events` view keeps its columns, their order and their values; its rows come from the
/// groups through `json_each`. The existing rows move into groups of one step each, keeping
/// their positions. Shipped: never edit, add a new migration instead.
///
/// A group's `position` is the position of its first step: step `k` (0-based) of the group is
/// at `position + k`, so positions stay the write order, without gaps. `eventID` and
/// `timestamp` are the first step's. Each step is an object with short keys, absent when the
/// value is the default:
/// - `n` the `step_nodes` row, `s` stepID, `st` the stepStatus code (0 ended, 1 error,
///   2 transitions, 3 capped, 4 timedout, 5 instanceTimedout), `f` the flags (1 entrance,
///   2 reentrance, 4 instanceEnded, 8 inTest, 16 batch; absent 0);
/// - `e` eventID and `t` timestamp when not the group's; `pt` processingTime when not 0;
/// - `k` externalKey when not the step's profileID; `pi` and `pn` the profile when not the
///   instance's (always when the group has no instance row);
/// - `p` parentStepID: absent, the previous step of the group (none for the first step);
///   `null`, none; else the id. `ps` parentStepName, `pti` parentTransitionID, `ptn`
///   parentTransitionName when set;
/// - `d` the action and fetch fields (an object keyed by their field names) when any is set.
enum Migration0004StepEventGroups {
    static let identifier = "0004-step-event-groups"

    static let table = """
        CREATE TABLE step_event_groups (
            position INTEGER PRIMARY KEY,
            instance INTEGER REFERENCES instances (ref),
            instanceID TEXT,
            eventID TEXT NOT NULL,
            timestamp INTEGER NOT NULL,
            steps TEXT NOT NULL CHECK (substr(steps, 1, 2) = '[{' AND json_valid(steps)),
            CHECK ((instance IS NULL) <> (instanceID IS NULL))
        );
        CREATE INDEX step_event_groups_by_instance ON step_event_groups (instance) WHERE instance IS NOT NULL;
        CREATE INDEX step_event_groups_by_instance_id ON step_event_groups (instanceID) WHERE instanceID IS NOT NULL;
        """

    /// Every `step_event_rows` row as a group of one step at its position: its parent spelled
    /// out (flag 32 meant the instance's previous step), keys of NULL values left out.
    static let moveRows = """
        INSERT INTO step_event_groups (position, instance, instanceID, eventID, timestamp, steps)
        SELECT s.position, s.instance, s.instanceID, s.eventID, s.timestamp, json_array(json_patch('{}', json_object(
            'n', s.node, 's', s.stepID, 'st', s.stepStatus, 'f', NULLIF(s.flags & 31, 0), 'pt', NULLIF(s.processingTime, 0),
            'k', s.externalKey, 'pi', s.profileID, 'pn', s.profileNamespace,
            'p', CASE WHEN (s.flags & 32) <> 0 THEN (
                SELECT p.stepID FROM step_event_rows p WHERE p.instance = s.instance AND p.position < s.position
                ORDER BY p.position DESC LIMIT 1) ELSE s.parentStepID END,
            'ps', s.parentStepName, 'pti', s.parentTransitionID, 'ptn', s.parentTransitionName, 'd', json(s.details))))
        FROM step_event_rows s
        ORDER BY s.position;
        DROP VIEW step_events;
        DROP TABLE step_event_rows;
        """

    /// The view of migration 0001, column for column, over the groups. The columns that were
    /// table columns are cast to their declared type, so comparisons apply the same affinity.
    static let view = """
        CREATE VIEW step_events AS
        SELECT
            CAST(s.position + s.step AS INTEGER) AS position,
            (s.flags & 1) <> 0 AS entrance,
            (s.flags & 2) <> 0 AS reentrance,
            (s.flags & 4) <> 0 AS instanceEnded,
            CAST(COALESCE(s.value ->> 'e', s.eventID) AS TEXT) AS eventID, n.nodeID, n.nodeName, n.nodeType,
            CAST(s.value ->> 's' AS TEXT) AS stepID, n.stepName, n.stepType,
            CASE s.value ->> 'st' WHEN 0 THEN 'ended' WHEN 1 THEN 'error' WHEN 2 THEN 'transitions'
                WHEN 3 THEN 'capped' WHEN 4 THEN 'timedout' ELSE 'instanceTimedout' END AS stepStatus,
            n.journeyID, n.journeyVersionID, n.journeyVersionName, n.journeyVersion,
            COALESCE(s.instanceID, i.instance_id) AS instanceID,
            COALESCE(s.value ->> 'k', s.value ->> 'pi', i.profile_id) AS externalKey,
            CASE WHEN s.value -> 'p' IS NOT NULL THEN s.value ->> 'p'
                WHEN s.step > 0 THEN s.steps -> (s.step - 1) ->> 's' END AS parentStepID,
            CAST(s.value ->> 'ps' AS TEXT) AS parentStepName,
            CAST(s.value ->> 'pti' AS TEXT) AS parentTransitionID,
            CAST(s.value ->> 'ptn' AS TEXT) AS parentTransitionName,
            (s.flags & 8) <> 0 AS inTest,
            CAST(COALESCE(s.value ->> 'pt', 0) AS INTEGER) AS processingTime,
            CASE WHEN (s.flags & 16) <> 0 THEN 'batch' ELSE 'unitary' END AS instanceType,
            CAST(COALESCE(s.value ->> 't', s.timestamp) AS INTEGER) AS timestamp,
            COALESCE(s.value ->> 'pi', i.profile_id) AS profileID,
            COALESCE(s.value ->> 'pn', i.profile_namespace) AS profileNamespace,
            s.value ->> '$.d.actionID' AS actionID,
            s.value ->> '$.d.actionName' AS actionName,
            s.value ->> '$.d.actionType' AS actionType,
            s.value ->> '$.d.actionParameterized' AS actionParameterized,
            s.value ->> '$.d.actionExecutionTime' AS actionExecutionTime,
            s.value ->> '$.d.actionExecutionError' AS actionExecutionError,
            s.value ->> '$.d.actionExecutionErrorCode' AS actionExecutionErrorCode,
            s.value ->> '$.d.actionExecutionOriginError' AS actionExecutionOriginError,
            s.value ->> '$.d.actionExecutionOriginCode' AS actionExecutionOriginCode,
            s.value ->> '$.d.actionOriginEndpoint' AS actionOriginEndpoint,
            s.value ->> '$.d.actionOriginMethod' AS actionOriginMethod,
            s.value ->> '$.d.actionExecutionOriginStartTime' AS actionExecutionOriginStartTime,
            s.value ->> '$.d.actionExecutionOriginTime' AS actionExecutionOriginTime,
            s.value ->> '$.d.actionIsThrottled' AS actionIsThrottled,
            s.value ->> '$.d.actionWaitTime' AS actionWaitTime,
            s.value ->> '$.d.actionBusinessType' AS actionBusinessType,
            s.value ->> '$.d.fetchTotalTime' AS fetchTotalTime,
            s.value ->> '$.d.fetchTypeInError' AS fetchTypeInError,
            s.value ->> '$.d.fetchError' AS fetchError,
            s.value ->> '$.d.fetchErrorCode' AS fetchErrorCode,
            s.value ->> '$.d.fetchOriginError' AS fetchOriginError,
            s.value ->> '$.d.fetchOriginErrorCode' AS fetchOriginErrorCode,
            s.value ->> '$.d.fetchCount' AS fetchCount,
            s.value ->> '$.d.fetchPlatformTotalTime' AS fetchPlatformTotalTime,
            s.value ->> '$.d.fetchPlatformCount' AS fetchPlatformCount,
            s.value ->> '$.d.fetchCustomTotalTime' AS fetchCustomTotalTime,
            s.value ->> '$.d.fetchCustomCount' AS fetchCustomCount
        FROM (
            SELECT g.position, g.instance, g.instanceID, g.eventID, g.timestamp, g.steps, j.key AS step, j.value,
                COALESCE(j.value ->> 'f', 0) AS flags
            FROM step_event_groups g JOIN json_each(g.steps) j
        ) s
        JOIN step_nodes n ON n.ref = s.value ->> 'n'
        LEFT JOIN instances i ON i.ref = s.instance;
        """

    static let sql = table + moveRows + view
}
