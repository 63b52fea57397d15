// Preloaded with `node -r`: prints the process's peak resident set size at exit, for the benchmark.
process.on('exit', () => {
  process.stderr.write(`\nbench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
