/// The first schema: inbox, instances, timers, outbox, profiles, step events, discards,
/// configs, leases and counters. Shipped: never edit, add a new migration instead.
enum Migration0001InitialSchema {
    static let identifier = "0001-initial-schema"

    static let sql = """
        -- Inputs waiting for their partition worker. AUTOINCREMENT: a sequence is never reused,
        -- so a worker's cursor never skips a new entry.
        CREATE TABLE inbox (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            partition INTEGER NOT NULL CHECK (partition >= 0),
            kind TEXT NOT NULL CHECK (kind IN ('event', 'timer', 'actionResult', 'fetchResult', 'internalEvent')),
            event_id TEXT NOT NULL CHECK (event_id <> ''),
            event_name TEXT,
            profile_namespace TEXT NOT NULL,
            profile_id TEXT NOT NULL,
            payload BLOB NOT NULL,
            received_at INTEGER NOT NULL
        );
        CREATE INDEX inbox_by_partition ON inbox (partition, sequence);

        -- Every (kind, event id) ever accepted, kept after consumption: ingestion is idempotent.
        CREATE TABLE inbox_accepted (
            event_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('event', 'timer', 'actionResult', 'fetchResult', 'internalEvent')),
            PRIMARY KEY (event_id, kind)
        ) WITHOUT ROWID;

        -- Journey instances, kept when ended. is_active is 1 while the person holds a place in the
        -- journey and NULL once ended, so the unique index allows one active place per person and
        -- journey (all versions) and also serves lookups by profile.
        CREATE TABLE instances (
            ref INTEGER PRIMARY KEY,
            instance_id TEXT NOT NULL UNIQUE CHECK (instance_id <> ''),
            journey_id TEXT NOT NULL,
            journey_version_id TEXT NOT NULL,
            profile_namespace TEXT NOT NULL,
            profile_id TEXT NOT NULL,
            partition INTEGER NOT NULL CHECK (partition >= 0),
            is_active INTEGER CHECK (is_active = 1),
            in_test INTEGER NOT NULL CHECK (in_test IN (0, 1)),
            state BLOB NOT NULL,
            entered_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX instances_by_profile ON instances (profile_namespace, profile_id, journey_id, is_active);

        -- Timers as indexed rows; a due timer moves into the inbox. Like step events, a timer
        -- refers to its instance's row, and its profile is NULL when it is the instance's.
        CREATE TABLE timers (
            timer_id TEXT NOT NULL UNIQUE CHECK (timer_id <> ''),
            partition INTEGER NOT NULL CHECK (partition >= 0),
            instance INTEGER REFERENCES instances (ref),
            instance_id TEXT,
            profile_namespace TEXT,
            profile_id TEXT,
            due_at INTEGER NOT NULL,
            payload BLOB NOT NULL,
            CHECK ((instance IS NULL) <> (instance_id IS NULL)),
            CHECK ((profile_namespace IS NULL) = (profile_id IS NULL)),
            CHECK (instance IS NOT NULL OR profile_id IS NOT NULL)
        );
        CREATE INDEX timers_by_due_at ON timers (due_at);

        -- Side effects to run after their commit, in write order (position).
        CREATE TABLE outbox (
            position INTEGER PRIMARY KEY,
            outbox_id TEXT NOT NULL UNIQUE CHECK (outbox_id <> ''),
            partition INTEGER NOT NULL CHECK (partition >= 0),
            instance_id TEXT NOT NULL,
            profile_namespace TEXT NOT NULL,
            profile_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind <> ''),
            payload BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            available_at INTEGER NOT NULL
        );
        CREATE INDEX outbox_by_available_at ON outbox (available_at);

        -- The built-in profile store: a profile by its primary key, its other identities beside.
        CREATE TABLE profiles (
            ref INTEGER PRIMARY KEY,
            namespace TEXT NOT NULL,
            id TEXT NOT NULL,
            attributes TEXT NOT NULL CHECK (json_valid(attributes) AND json_type(attributes) = 'object'),
            is_test_profile INTEGER NOT NULL CHECK (is_test_profile IN (0, 1)),
            time_zone TEXT,
            updated_at INTEGER NOT NULL,
            UNIQUE (namespace, id)
        );
        CREATE TABLE profile_identities (
            namespace TEXT NOT NULL,
            id TEXT NOT NULL,
            profile INTEGER NOT NULL REFERENCES profiles (ref),
            UNIQUE (namespace, id)
        );
        CREATE INDEX profile_identities_by_profile ON profile_identities (profile);

        -- What is constant for one node of one journey version, written once per node (keeps
        -- step events small).
        CREATE TABLE step_nodes (
            ref INTEGER PRIMARY KEY,
            journeyID TEXT NOT NULL,
            journeyVersionID TEXT NOT NULL,
            journeyVersionName TEXT NOT NULL,
            journeyVersion TEXT NOT NULL,
            nodeID TEXT NOT NULL,
            nodeName TEXT NOT NULL,
            nodeType TEXT NOT NULL,
            stepName TEXT NOT NULL,
            stepType TEXT NOT NULL,
            UNIQUE (journeyVersionID, nodeID, nodeName, nodeType, stepName, stepType, journeyID, journeyVersionName, journeyVersion)
        );

        -- Step events, compact: position is the write order; the instance, profile and external key
        -- are NULL when they are the instance's (the view restores them); flags hold the booleans
        -- (bit 32: the parent step is the instance's previous step, parentStepID is then NULL);
        -- details the action and fetch fields (a JSON object, NULL when none). Query the
        -- `step_events` view, whose columns are the journeyStep field names.
        CREATE TABLE step_event_rows (
            position INTEGER PRIMARY KEY,
            instance INTEGER REFERENCES instances (ref),
            instanceID TEXT,
            node INTEGER NOT NULL REFERENCES step_nodes (ref),
            stepID TEXT NOT NULL,
            stepStatus INTEGER NOT NULL CHECK (stepStatus BETWEEN 0 AND 5),
            flags INTEGER NOT NULL CHECK (flags BETWEEN 0 AND 63),
            eventID TEXT NOT NULL,
            timestamp INTEGER NOT NULL,
            processingTime INTEGER NOT NULL,
            externalKey TEXT,
            profileID TEXT,
            profileNamespace TEXT,
            parentStepID TEXT,
            parentStepName TEXT,
            parentTransitionID TEXT,
            parentTransitionName TEXT,
            details TEXT CHECK (details IS NULL OR json_valid(details)),
            CHECK ((instance IS NULL) <> (instanceID IS NULL)),
            CHECK (flags & 32 = 0 OR (instance IS NOT NULL AND parentStepID IS NULL))
        );
        CREATE INDEX step_event_rows_by_instance ON step_event_rows (instance) WHERE instance IS NOT NULL;
        CREATE INDEX step_event_rows_by_instance_id ON step_event_rows (instanceID) WHERE instanceID IS NOT NULL;

        CREATE VIEW step_events AS
        SELECT
            s.position,
            (s.flags & 1) <> 0 AS entrance,
            (s.flags & 2) <> 0 AS reentrance,
            (s.flags & 4) <> 0 AS instanceEnded,
            s.eventID, n.nodeID, n.nodeName, n.nodeType, s.stepID, n.stepName, n.stepType,
            CASE s.stepStatus WHEN 0 THEN 'ended' WHEN 1 THEN 'error' WHEN 2 THEN 'transitions'
                WHEN 3 THEN 'capped' WHEN 4 THEN 'timedout' ELSE 'instanceTimedout' END AS stepStatus,
            n.journeyID, n.journeyVersionID, n.journeyVersionName, n.journeyVersion,
            COALESCE(s.instanceID, i.instance_id) AS instanceID,
            COALESCE(s.externalKey, s.profileID, i.profile_id) AS externalKey,
            CASE WHEN (s.flags & 32) <> 0 THEN (
                SELECT p.stepID FROM step_event_rows p WHERE p.instance = s.instance AND p.position < s.position
                ORDER BY p.position DESC LIMIT 1) ELSE s.parentStepID END AS parentStepID,
            s.parentStepName, s.parentTransitionID, s.parentTransitionName,
            (s.flags & 8) <> 0 AS inTest,
            s.processingTime,
            CASE WHEN (s.flags & 16) <> 0 THEN 'batch' ELSE 'unitary' END AS instanceType,
            s.timestamp,
            COALESCE(s.profileID, i.profile_id) AS profileID,
            COALESCE(s.profileNamespace, i.profile_namespace) AS profileNamespace,
            s.details ->> '$.actionID' AS actionID,
            s.details ->> '$.actionName' AS actionName,
            s.details ->> '$.actionType' AS actionType,
            s.details ->> '$.actionParameterized' AS actionParameterized,
            s.details ->> '$.actionExecutionTime' AS actionExecutionTime,
            s.details ->> '$.actionExecutionError' AS actionExecutionError,
            s.details ->> '$.actionExecutionErrorCode' AS actionExecutionErrorCode,
            s.details ->> '$.actionExecutionOriginError' AS actionExecutionOriginError,
            s.details ->> '$.actionExecutionOriginCode' AS actionExecutionOriginCode,
            s.details ->> '$.actionOriginEndpoint' AS actionOriginEndpoint,
            s.details ->> '$.actionOriginMethod' AS actionOriginMethod,
            s.details ->> '$.actionExecutionOriginStartTime' AS actionExecutionOriginStartTime,
            s.details ->> '$.actionExecutionOriginTime' AS actionExecutionOriginTime,
            s.details ->> '$.actionIsThrottled' AS actionIsThrottled,
            s.details ->> '$.actionWaitTime' AS actionWaitTime,
            s.details ->> '$.actionBusinessType' AS actionBusinessType,
            s.details ->> '$.fetchTotalTime' AS fetchTotalTime,
            s.details ->> '$.fetchTypeInError' AS fetchTypeInError,
            s.details ->> '$.fetchError' AS fetchError,
            s.details ->> '$.fetchErrorCode' AS fetchErrorCode,
            s.details ->> '$.fetchOriginError' AS fetchOriginError,
            s.details ->> '$.fetchOriginErrorCode' AS fetchOriginErrorCode,
            s.details ->> '$.fetchCount' AS fetchCount,
            s.details ->> '$.fetchPlatformTotalTime' AS fetchPlatformTotalTime,
            s.details ->> '$.fetchPlatformCount' AS fetchPlatformCount,
            s.details ->> '$.fetchCustomTotalTime' AS fetchCustomTotalTime,
            s.details ->> '$.fetchCustomCount' AS fetchCustomCount
        FROM step_event_rows s
        JOIN step_nodes n ON n.ref = s.node
        LEFT JOIN instances i ON i.ref = s.instance;

        -- Events that reached no journey or were refused, with the reason.
        CREATE TABLE discards (
            position INTEGER PRIMARY KEY,
            eventID TEXT NOT NULL,
            eventName TEXT,
            journeyID TEXT,
            journeyVersionID TEXT,
            profileID TEXT,
            profileNamespace TEXT,
            reason TEXT NOT NULL CHECK (reason IN ('noInterestedJourney', 'reentranceNotAllowed', 'reentranceTooSoon',
                'keyNotComputed', 'notTestProfile', 'backlogFull', 'journeyNotAcceptingEntrances')),
            message TEXT,
            timestamp INTEGER NOT NULL
        );

        -- Config documents (canonical JSON), journeys by id and version.
        CREATE TABLE configs (
            kind TEXT NOT NULL CHECK (kind IN ('event', 'dataSource', 'action', 'journey')),
            name TEXT NOT NULL,
            version TEXT NOT NULL,
            document TEXT NOT NULL CHECK (json_valid(document)),
            PRIMARY KEY (kind, name, version)
        ) WITHOUT ROWID;

        CREATE TABLE leases (
            partition INTEGER PRIMARY KEY CHECK (partition >= 0),
            owner TEXT NOT NULL,
            generation INTEGER NOT NULL CHECK (generation > 0),
            expires_at INTEGER NOT NULL
        );

        CREATE TABLE counters (
            name TEXT PRIMARY KEY NOT NULL,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        """
}
