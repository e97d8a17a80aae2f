dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

-- Full-text search for a word that 1 % of the seeded rows hold (bench/run.sh seeds it).
request = function()
  return wrk.format("GET", "/items/?q=needle&limit=100")
end
