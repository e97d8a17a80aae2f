dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

request = function()
  if math.random(1, 10) == 1 then
    return wrk.format("POST", "/items/", json_headers, '{"name": "' .. unique_name() .. '", "description": "bench"}')
  end
  return wrk.format("GET", "/items/" .. random_id())
end
