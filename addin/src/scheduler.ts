/**
 * Runs a check after the input has been quiet for `delayMs`, with at most one run in flight:
 * a new run aborts the previous one through its AbortSignal.
 */
export interface CheckScheduler {
  /** Run after the quiet period (typing, recipients changing). */
  schedule(): void;
  /** Run now (the "Check again" button, after a fix). */
  runNow(): Promise<void>;
  dispose(): void;
}

export function createScheduler(run: (signal: AbortSignal) => Promise<void>, delayMs = 800): CheckScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: AbortController | undefined;

  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const runNow = async () => {
    clear();
    current?.abort();
    const controller = new AbortController();
    current = controller;
    try {
      await run(controller.signal);
    } finally {
      if (current === controller) current = undefined;
    }
  };

  return {
    schedule() {
      clear();
      timer = setTimeout(() => {
        timer = undefined;
        void runNow().catch(() => undefined);
      }, delayMs);
    },
    runNow,
    dispose() {
      clear();
      current?.abort();
    },
  };
}
