// Preloaded into a benchmarked command (node --import): reports its peak memory and the CPU time it
// used (user + system; less sensitive than wall time to other work on a shared machine) when it exits.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nLECTERN_PEAK_RSS_KB=${usage.maxRSS}\nLECTERN_CPU_MS=${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
});
