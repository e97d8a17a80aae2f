dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

-- Version 2 of list_100: the same page as an envelope with next_cursor in the body (ADR 20).
request = function()
  return wrk.format("GET", "/v2/items/?limit=100")
end
