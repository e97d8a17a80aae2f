dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

-- create with a new Idempotency-Key on every request: the cost of keeping each answer for replay.
request = function()
  local name = unique_name()
  local headers = { ["Idempotency-Key"] = name }
  for key, value in pairs(json_headers) do headers[key] = value end
  return wrk.format("POST", "/items/", headers, '{"name": "' .. name .. '", "description": "bench"}')
end
