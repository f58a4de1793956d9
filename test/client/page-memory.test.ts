import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, test } from "vitest";
import { paginate } from "../../templates/client/paginate.js";

// A page walk remembers what asked for each page it fetched, to stop at a repeat: a hash of
// it, not the cursor or URL itself, which an API may make megabytes long. It kept every one:
// 1,000 pages (maxPages) of 32 MiB cursors (maxResponseBytes) would have been 32 GB.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const MiB = 1024 * 1024;

test("100 pages of 1 MiB cursors: the walk holds none of them", async () => {
  let n = 0;
  const walk = paginate({
    // a fresh 1 MiB string on every page (a flat string of its own, as a parsed body gives)
    call: async () => ({
      items: [n],
      next: Buffer.alloc(MiB, 97 + (n++ % 26)).toString("latin1") + n,
    }),
    args: {},
    kind: "cursor",
    parameter: "cursor",
    field: "next",
    items: "items",
  });
  let start = 0;
  let grown = 0;
  for await (const item of walk) {
    if (item === 1) {
      gc();
      start = process.memoryUsage().heapUsed;
    }
    if (item === 100) {
      gc();
      grown = process.memoryUsage().heapUsed - start;
      break;
    }
  }
  expect(n).toBe(101);
  // one cursor (the next page's) and its copy in the arguments, not 99
  expect(grown).toBeLessThan(16 * MiB);
});
