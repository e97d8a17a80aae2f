-- Shared by the workloads: a unique name per request, a random seeded id.
local items = tonumber(os.getenv("BENCH_ITEMS") or "10000")
local tag = os.getenv("BENCH_TAG") or tostring(os.time())
local thread_counter = 0

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

function init(args)
  math.randomseed(os.time() + (thread_id or 0) * 7919)
end
