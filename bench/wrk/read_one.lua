dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

request = function()
  return wrk.format("GET", "/items/" .. random_id())
end
