-- The chat body of chat.lua at a fixed rate: each request waits for its slot on a schedule of
-- RATE requests per second (default 1000) shared by the thread's connections. Run with -t1; with
-- one connection a slow answer delays the next slot (the rate then falls a little short), with a
-- few the schedule holds but requests can go out in small bursts (wrk's delay is in whole ms).
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clk_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local interval = 1000 / tonumber(os.getenv("RATE") or "1000")
local next_slot

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("BENCH_KEY")
if key then wrk.headers["Authorization"] = "Bearer " .. key end
wrk.body = '{"model":"bench-model","messages":[{"role":"user","content":"Say hello in five words."}],"max_tokens":16}'

function delay()
  local t = now_ms()
  next_slot = (next_slot or t) + interval
  local wait = next_slot - t
  if wait < 0 then next_slot = t; wait = 0 end -- behind schedule: send now, do not burst to catch up
  return wait
end
