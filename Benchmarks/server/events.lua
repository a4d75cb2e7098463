-- wrk script: POSTs batches of signup events to /v1/events, every event with a new _id.
-- Usage: wrk ... -s events.lua URL -- BATCH   (BATCH events per request, default 100)
local counter = 0
local thread_number = 0

function setup(thread)
    thread_number = thread_number + 1
    thread:set("tid", thread_number)
end

function init(args)
    batch = tonumber(args[1]) or 100
    run = os.time()
end

function request()
    local lines = {}
    for i = 1, batch do
        counter = counter + 1
        lines[i] = string.format(
            '{"_id":"%d-%d-%d","timestamp":"2026-11-23T08:00:00Z","_experience":{"campaign":{"orchestration":{"eventID":"evt-signup-1"}}},"email":"p%d-%d-%d@example.com","plan":"pro"}',
            run, tid, counter, run, tid, counter)
    end
    local headers = {["Content-Type"] = "application/x-ndjson", ["Authorization"] = "Bearer " .. (os.getenv("WAYMARK_TOKEN") or "")}
    return wrk.format("POST", "/v1/events", headers, table.concat(lines, "\n"))
end
