/* The ceiling of one SQLite file on this machine for W1's rows, without Waymark: C against the
 * system libsqlite3, WAL, synchronous=FULL, one transaction per batch. Per entry: the event's
 * accepted id (random key), the instance with its timers (time-ordered id, an index by person
 * and journey, a partial index by due instant), and its three step events. Layout `group` stores
 * them as one JSON group per instance (Waymark's schema 0004); `batch` as one group per
 * transaction (the fewest rows possible). Prints entries/s, CPU µs per entry and bytes written.
 *
 *   cc -O2 -o ceiling ceiling.c -lsqlite3 && ./ceiling group|batch ENTRIES BATCH FILE
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

static double wall(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static double cpu(void) {
    struct rusage r; getrusage(RUSAGE_SELF, &r);
    return r.ru_utime.tv_sec + r.ru_utime.tv_usec * 1e-6 + r.ru_stime.tv_sec + r.ru_stime.tv_usec * 1e-6;
}
static void fail(sqlite3 *db, const char *what) { fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db)); exit(1); }
static void exec(sqlite3 *db, const char *sql) { if (sqlite3_exec(db, sql, 0, 0, 0) != SQLITE_OK) fail(db, sql); }
static sqlite3_stmt *prepare(sqlite3 *db, const char *sql) {
    sqlite3_stmt *s; if (sqlite3_prepare_v2(db, sql, -1, &s, 0) != SQLITE_OK) fail(db, sql); return s;
}
static void step(sqlite3 *db, sqlite3_stmt *s) { if (sqlite3_step(s) != SQLITE_DONE) fail(db, "insert"); sqlite3_reset(s); }
static unsigned long long mix(unsigned long long x) {
    x ^= x >> 33; x *= 0xff51afd7ed558ccdULL; x ^= x >> 33; x *= 0xc4ceb3f97a4ed558ULL; x ^= x >> 33; return x;
}
static long long written_bytes(void) {
    FILE *f = fopen("/proc/self/io", "r"); char line[128]; long long n = 0;
    while (f && fgets(line, sizeof line, f)) if (!strncmp(line, "wchar:", 6)) n = atoll(line + 6);
    if (f) fclose(f); return n;
}

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: %s group|batch ENTRIES BATCH FILE\n", argv[0]); return 2; }
    int perBatch = !strcmp(argv[1], "batch"), entries = atoi(argv[2]), batch = atoi(argv[3]);
    sqlite3 *db; if (sqlite3_open(argv[4], &db) != SQLITE_OK) fail(db, "open");
    exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=10000;"
             "CREATE TABLE accepted (event_id TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (event_id, kind)) WITHOUT ROWID;"
             "CREATE TABLE instances (ref INTEGER PRIMARY KEY, instance_id TEXT NOT NULL UNIQUE, journey_id TEXT NOT NULL,"
             " journey_version_id TEXT NOT NULL, profile_namespace TEXT NOT NULL, profile_id TEXT NOT NULL, partition INTEGER NOT NULL,"
             " is_active INTEGER, in_test INTEGER NOT NULL, state BLOB NOT NULL, entered_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
             " timers BLOB, due_at INTEGER, timer_count INTEGER NOT NULL DEFAULT 0);"
             "CREATE UNIQUE INDEX instances_by_profile ON instances (profile_namespace, profile_id, journey_id, is_active);"
             "CREATE INDEX instances_by_due_at ON instances (due_at, partition, timer_count) WHERE due_at IS NOT NULL;"
             "CREATE TABLE step_event_groups (position INTEGER PRIMARY KEY, instance INTEGER, eventID TEXT NOT NULL,"
             " timestamp INTEGER NOT NULL, steps TEXT NOT NULL CHECK (json_valid(steps)));"
             "CREATE INDEX step_event_groups_by_instance ON step_event_groups (instance) WHERE instance IS NOT NULL;");
    sqlite3_stmt *accept = prepare(db, "INSERT INTO accepted VALUES (?, 'event')");
    sqlite3_stmt *instance = prepare(db,
        "INSERT INTO instances (instance_id, journey_id, journey_version_id, profile_namespace, profile_id, partition, is_active,"
        " in_test, state, entered_at, updated_at, timers, due_at, timer_count) VALUES (?, 'w1', 'w1-v1', 'Email', ?, ?, 1, 0, ?, ?, ?, ?, ?, 2)");
    sqlite3_stmt *group = prepare(db, "INSERT INTO step_event_groups (instance, eventID, timestamp, steps) VALUES (?, ?, ?, ?)");
    static const char stepJSON[] = "{\"n\":1,\"s\":\"0123456789abcdef0123456789abcdef\",\"f\":1}";
    char state[148], timers[90]; memset(state, 7, sizeof state); memset(timers, 3, sizeof timers);
    size_t capacity = (size_t)batch * 3 * sizeof stepJSON + 16; char *steps = malloc(capacity);

    long long written = written_bytes(); double startWall = wall(), startCPU = cpu();
    for (int first = 0; first < entries; first += batch) {
        exec(db, "BEGIN IMMEDIATE");
        size_t length = 0; steps[length++] = '[';
        for (int i = first; i < first + batch && i < entries; i++) {
            char eventID[64], instanceID[40], profileID[64];
            sprintf(eventID, "evt-%016llx", mix(i));
            sprintf(instanceID, "%011x%021llx", 1000000 + i, mix(mix(i)) >> 48);
            sprintf(profileID, "person-%016llx@example.com", mix(i + 7));
            sqlite3_bind_text(accept, 1, eventID, -1, SQLITE_TRANSIENT); step(db, accept);
            sqlite3_bind_text(instance, 1, instanceID, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(instance, 2, profileID, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(instance, 3, i % 4);
            sqlite3_bind_blob(instance, 4, state, sizeof state, SQLITE_STATIC);
            sqlite3_bind_int64(instance, 5, i); sqlite3_bind_int64(instance, 6, i);
            sqlite3_bind_blob(instance, 7, timers, sizeof timers, SQLITE_STATIC);
            sqlite3_bind_int64(instance, 8, 3600000LL + i); step(db, instance);
            if (perBatch) {
                length += sprintf(steps + length, "%s%s,%s,%s", length > 1 ? "," : "", stepJSON, stepJSON, stepJSON);
            } else {
                char one[3 * sizeof stepJSON + 8]; int n = sprintf(one, "[%s,%s,%s]", stepJSON, stepJSON, stepJSON);
                sqlite3_bind_int64(group, 1, sqlite3_last_insert_rowid(db));
                sqlite3_bind_text(group, 2, eventID, -1, SQLITE_TRANSIENT); sqlite3_bind_int64(group, 3, i);
                sqlite3_bind_text(group, 4, one, n, SQLITE_TRANSIENT); step(db, group);
            }
        }
        if (perBatch) {
            steps[length++] = ']';
            sqlite3_bind_null(group, 1); sqlite3_bind_text(group, 2, "batch", -1, SQLITE_STATIC);
            sqlite3_bind_int64(group, 3, first); sqlite3_bind_text(group, 4, steps, (int)length, SQLITE_TRANSIENT); step(db, group);
        }
        exec(db, "COMMIT");
    }
    double seconds = wall() - startWall, cpuSeconds = cpu() - startCPU;
    printf("%s groups, %d entries, batches of %d: %.0f entries/s, %.1f us CPU per entry, %.0f bytes written per entry\n",
           perBatch ? "per-batch" : "per-instance", entries, batch, entries / seconds, cpuSeconds / entries * 1e6,
           (double)(written_bytes() - written) / entries);
    sqlite3_close(db); free(steps);
    return 0;
}
