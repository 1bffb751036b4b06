import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createScheduler } from "../../src/scheduler";

describe("check scheduling: debounce and one request in flight", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once after the input is quiet for the delay, however many edits came before", async () => {
    const run = vi.fn(async () => undefined);
    const s = createScheduler(run, 800);
    for (let i = 0; i < 20; i++) {
      s.schedule();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(800);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("aborts the request in flight when a new one starts", async () => {
    const signals: AbortSignal[] = [];
    const s = createScheduler((signal) => {
      signals.push(signal);
      return new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
    }, 800);
    void s.runNow();
    void s.runNow();
    void s.runNow();
    expect(signals.map((x) => x.aborted)).toEqual([true, true, false]);
    s.dispose();
    expect(signals[2].aborted).toBe(true);
  });

  it("runNow cancels a pending debounced run", async () => {
    const run = vi.fn(async () => undefined);
    const s = createScheduler(run, 800);
    s.schedule();
    await s.runNow();
    await vi.advanceTimersByTimeAsync(2000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
