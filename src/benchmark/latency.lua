-- wrk reporter: one machine-readable line with throughput, errors and latency percentiles in microseconds.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.2f requests=%d errors=%d p50=%d p99=%d p999=%d max=%d\n",
    summary.requests / (summary.duration / 1e6), summary.requests, errors,
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
end
