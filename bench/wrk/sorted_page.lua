dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

-- The list sorted by name, 100 per page: the first page, or the page a cursor names (BENCH_CURSOR, from a next link).
local cursor = os.getenv("BENCH_CURSOR")
request = function()
  if cursor and cursor ~= "" then
    return wrk.format("GET", "/items/?order_by=name&limit=100&cursor=" .. cursor)
  end
  return wrk.format("GET", "/items/?order_by=name&limit=100")
end
