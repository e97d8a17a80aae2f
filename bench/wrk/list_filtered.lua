dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

-- Active items sorted by name, 100 per page: a filter and a non-default order (docs/querying.md).
request = function()
  return wrk.format("GET", "/items/?is_active=true&order_by=name&limit=100")
end
