dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

request = function()
  return wrk.format("GET", "/items/?limit=100")
end
