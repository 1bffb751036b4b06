/**
 * Repeats `tick` while it asks to: tick resolves to the delay before the next tick, or null to stop.
 * One tick at a time (the next is timed from the end of the previous one, so a slow server never
 * gets overlapping requests); stop() clears the timer and aborts the tick in flight.
 */
export interface Poller {
  /** Ticks now unless a tick is already in flight or waiting. */
  start(): void;
  stop(): void;
  readonly active: boolean;
}

export function createPoller(tick: (signal: AbortSignal) => Promise<number | null>): Poller {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: AbortController | undefined;

  const run = async () => {
    timer = undefined;
    const controller = new AbortController();
    current = controller;
    let next: number | null = null;
    try {
      next = await tick(controller.signal);
    } catch {
      next = null;
    } finally {
      if (current === controller) current = undefined;
    }
    if (controller.signal.aborted || next === null) return;
    timer = setTimeout(() => void run(), next);
  };

  return {
    start() {
      if (timer !== undefined || current !== undefined) return;
      void run();
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      current?.abort();
      current = undefined;
    },
    get active() {
      return timer !== undefined || current !== undefined;
    },
  };
}
