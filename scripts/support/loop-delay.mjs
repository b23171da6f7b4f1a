// Preloaded by scripts/bench-import-preview.ts (NODE_OPTIONS=--import): every 250 ms, appends the longest
// event-loop delay this process saw in that window to LOOP_DELAY_FILE as a JSON line {pid, at, maxMs}. This
// is the server's own measure of being blocked, apart from the probes' round trips (which also pay for the
// machine's scheduling when other processes share its two cores).
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const file = process.env.LOOP_DELAY_FILE;
if (file && isMainThread) {
  // worker threads (the import's analysis thread) are meant to be busy: only the serving thread counts
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  setInterval(() => {
    appendFileSync(file, `${JSON.stringify({ pid: process.pid, at: Date.now(), maxMs: histogram.max / 1e6 })}\n`);
    histogram.reset();
  }, 250).unref();
}
