// Preloaded into a benchmarked command (node --import): reports its peak memory when it exits.
process.on('exit', () => {
  process.stderr.write(`\nLECTERN_PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
