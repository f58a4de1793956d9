import type { Stream } from "./run-io.js";

export const DELAY_MS = 1000;

/** A self-erasing status line on a TTY ("reading 5 inputs…") once a run takes DELAY_MS: not hung. */
export function progressLine(
  stream: Stream,
  /** When the run started (performance.now()), and the clock (tests pass their own). */
  started = performance.now(),
  now: () => number = () => performance.now(),
) {
  if (!stream.isTTY) return { update() {}, clear() {} };
  let shown = false;
  let pending: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (message: string) => {
    stream.write(`\r\x1b[K${message}…`);
    shown = true;
    pending = undefined;
  };
  return {
    update(message: string) {
      const waited = now() - started;
      if (waited >= DELAY_MS) return show(message);
      pending = message;
      timer ??= setTimeout(() => {
        timer = undefined;
        if (pending !== undefined) show(pending);
      }, DELAY_MS - waited);
      timer.unref?.();
    },
    clear() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
