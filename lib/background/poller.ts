/**
 * A tiny in-process scheduler for idempotent background passes (mail outbox, reminders,
 * expiry, check-ins). Each pass is safe to run concurrently with another process's pass
 * (claims use SKIP LOCKED or conditional updates), so several servers may run it.
 * Errors (e.g. the database restarting) are logged and the next tick tries again.
 */
export type Poller = { stop: () => Promise<void> };

export function startPoller(name: string, intervalMs: number, pass: () => Promise<unknown>): Poller {
  let stopped = false;
  let running: Promise<unknown> | null = null;
  let lastErrorAt = 0;
  const tick = async () => {
    if (stopped || running) return;
    running = pass()
      .catch((error) => {
        // one line per minute at most while e.g. the database is down
        if (Date.now() - lastErrorAt > 60_000) console.error(`[${name}] pass failed:`, (error as Error)?.message ?? error);
        lastErrorAt = Date.now();
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  void tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
