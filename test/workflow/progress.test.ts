import { describe, expect, it } from "vitest";
import { progressLine } from "../../src/cli/progress.js";

describe("progressLine", () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, written, write: (t: string) => written.push(t) };
  };

  it("draws and erases one status line on a terminal", () => {
    const tty = stream(true);
    const progress = progressLine(tty);
    progress.update("reading 3 inputs");
    progress.update("making the client");
    progress.clear();
    progress.clear();
    expect(tty.written).toEqual([
      "\r\x1b[Kreading 3 inputs…",
      "\r\x1b[Kmaking the client…",
      "\r\x1b[K",
    ]);
  });

  it("writes nothing when the stream is not a terminal", () => {
    const pipe = stream(false);
    const progress = progressLine(pipe);
    progress.update("reading 3 inputs");
    progress.clear();
    expect(pipe.written).toEqual([]);
  });
});
