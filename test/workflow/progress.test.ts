import { describe, expect, it } from "vitest";
import { DELAY_MS, progressLine } from "../../src/cli/generate-run.js";

describe("progressLine", () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, written, write: (t: string) => written.push(t) };
  };

  it("draws and erases one status line on a terminal once the run has taken a second", () => {
    const tty = stream(true);
    let clock = 0;
    const progress = progressLine(tty, 0, () => clock);
    clock = DELAY_MS;
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

  it("shows nothing on a run that ends within the second", () => {
    const tty = stream(true);
    let clock = 0;
    const progress = progressLine(tty, 0, () => clock);
    progress.update("reading 3 inputs");
    clock = DELAY_MS - 1;
    progress.update("making the client");
    progress.clear();
    expect(tty.written).toEqual([]);
  });

  it("shows the latest step when the second passes while the run waits", async () => {
    const tty = stream(true);
    const progress = progressLine(tty, performance.now() - DELAY_MS + 20);
    progress.update("reading 3 inputs");
    progress.update("making the client");
    expect(tty.written).toEqual([]);
    await new Promise((ok) => setTimeout(ok, 60));
    expect(tty.written).toEqual(["\r\x1b[Kmaking the client…"]);
    progress.clear();
    expect(tty.written.at(-1)).toBe("\r\x1b[K");
  });

  it("writes nothing when the stream is not a terminal", () => {
    const pipe = stream(false);
    const progress = progressLine(pipe);
    progress.update("reading 3 inputs");
    progress.clear();
    expect(pipe.written).toEqual([]);
  });
});
