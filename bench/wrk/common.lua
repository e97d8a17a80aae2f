-- Shared by the workloads: a unique name per request, a random seeded id.
local items = tonumber(os.getenv("BENCH_ITEMS") or "10000")
local tag = os.getenv("BENCH_TAG") or tostring(os.time())
local thread_counter = 0

-- The collection the workloads address (bench/resource-options.sh measures a second resource).
resource = os.getenv("BENCH_PATH") or "/items/"

function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("thread_id", thread_counter)
end

local sequence = 0

function unique_name()
  sequence = sequence + 1
  return tag .. "-" .. tostring(thread_id) .. "-" .. sequence
end

function random_id()
  return math.random(1, items)
end

json_headers = { ["Content-Type"] = "application/json" }

-- Every request carries the bearer token when the run has one: wrk.format sends wrk.headers when it is given no
-- headers (reads), and only the headers it is given otherwise (writes).
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
  json_headers["Authorization"] = "Bearer " .. token
end

function init(args)
  math.randomseed(os.time() + (thread_id or 0) * 7919)
end
