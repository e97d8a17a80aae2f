dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

-- Every request deletes a row no request has deleted: thread t of wrk's 2 takes ids BENCH_DELETE_FIRST + t - 1, then
-- every second one. The caller seeds enough rows after that id for the measurement.
local first = tonumber(os.getenv("BENCH_DELETE_FIRST") or "1")
local taken = 0

request = function()
  local id = first + (thread_id - 1) + 2 * taken
  taken = taken + 1
  return wrk.format("DELETE", resource .. id)
end
