/**
 * One self-erasing status line on a terminal ("reading 5 inputs…"), so a long run on a 13 MB
 * spec does not look hung. Off when the stream is not a TTY: logs and CI get no `\r` noise.
 */
export interface Progress {
  update(message: string): void;
  clear(): void;
}

export function progressLine(stream: {
  isTTY?: boolean;
  write(text: string): unknown;
}): Progress {
  if (!stream.isTTY) return { update() {}, clear() {} };
  let shown = false;
  return {
    update(message) {
      stream.write(`\r\x1b[K${message}…`);
      shown = true;
    },
    clear() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}
