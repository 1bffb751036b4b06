import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPoller } from "../../src/poller";

describe("polling: one tick at a time", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("times the next tick from the end of a slow one, so requests never overlap", async () => {
    let inFlight = 0;
    let most = 0;
    const tick = vi.fn(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 4000)); // slower than the period
      inFlight--;
      return 1000;
    });
    const poller = createPoller(tick);
    poller.start();
    poller.start(); // a second start while one is in flight does nothing
    await vi.advanceTimersByTimeAsync(9_500);
    expect(most).toBe(1);
    expect(tick).toHaveBeenCalledTimes(2); // 0-4 s, 5-9 s
    poller.stop();
  });

  it("stops when the tick says so, and stop() aborts the tick in flight", async () => {
    const signals: AbortSignal[] = [];
    const answers = [500, null];
    const poller = createPoller(async (signal) => {
      signals.push(signal);
      return answers.shift() ?? null;
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(signals).toHaveLength(2);
    expect(poller.active).toBe(false);

    const pending = createPoller((signal) => new Promise<number>((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")))));
    pending.start();
    expect(pending.active).toBe(true);
    pending.stop();
    expect(pending.active).toBe(false);
  });
});
