-- bench/web.lua - wrk script: cycles through the dashboard and list URLs in
-- the file named by URLS with the session cookie in COOKIE; prints the
-- 50th/95th/99th latency percentiles and the non-2xx count.
local urls = {}
for line in io.lines(os.getenv("URLS")) do urls[#urls + 1] = line end
local cookie = os.getenv("COOKIE")
local i = 0
request = function()
  i = i % #urls + 1
  return wrk.format("GET", urls[i], { ["Cookie"] = cookie })
end
local bad = 0
response = function(status) if status >= 300 then bad = bad + 1 end end
done = function(summary, latency)
  io.write(string.format("requests %d, errors %d (connect %d, read %d, timeout %d), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.errors.connect, summary.errors.read, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
