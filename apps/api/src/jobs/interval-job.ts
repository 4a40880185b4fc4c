/**
 * Runs `run` every `intervalMs` (the first time after `firstDelayMs`) on an unref'd timer: it
 * never keeps the process alive, and the next run is planned only when one has ended. `run`
 * handles (logs) its own errors. `stop()` cancels the next run and waits for the one in progress.
 */
export function startIntervalJob({
  run,
  intervalMs,
  firstDelayMs,
}: {
  run: () => Promise<void>;
  intervalMs: number;
  firstDelayMs: number;
}) {
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> | null = null;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      current = run().finally(() => {
        current = null;
        schedule(intervalMs);
      });
    }, ms);
    timer.unref();
  };

  schedule(firstDelayMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
