dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

request = function()
  return wrk.format("PUT", resource .. random_id(), json_headers, '{"name": "' .. unique_name() .. '"}')
end
