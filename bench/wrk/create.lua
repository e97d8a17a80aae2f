dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

request = function()
  return wrk.format("POST", resource, json_headers, '{"name": "' .. unique_name() .. '", "description": "bench"}')
end
