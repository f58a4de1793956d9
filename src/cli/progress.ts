/**
 * One self-erasing status line on a terminal ("reading 5 inputs…"), so a long run on a 13 MB
 * spec does not look hung. Off when the stream is not a TTY: logs and CI get no `\r` noise. A
 * run that ends within DELAY_MS never shows it: the line appears only once the run has taken
 * that long (at the next step, or when the timer fires while the run waits).
 */
export interface Progress {
  update(message: string): void;
  clear(): void;
}

export const DELAY_MS = 1000;

export function progressLine(
  stream: {
    isTTY?: boolean;
    write(text: string): unknown;
  },
  /** When the run started (performance.now()), and the clock (tests pass their own). */
  started = performance.now(),
  now: () => number = () => performance.now(),
): Progress {
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
    update(message) {
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
