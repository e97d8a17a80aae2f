request = function()
  return wrk.format("GET", "/items/?after_id=" .. os.getenv("BENCH_AFTER_ID") .. "&limit=100")
end
