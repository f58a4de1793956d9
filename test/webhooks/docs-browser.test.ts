import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitDocs } from "../../src/emit/docs/index.js";
import docsPlugin from "../../src/emit/docs/plugin.js";
import { pluginContext } from "../emitted.js";
import { loadModel } from "../../src/pipeline.js";
import { launchChromium } from "../browser.js";

// The webhooks section of docs/index.html in headless Chromium: their hostile summaries stay
// text, and the search filters them as it filters endpoints (counted apart), the section and
// its nav group hidden when none matches, all back once it is cleared.

let browser: Browser;
const out = mkdtempSync(join(tmpdir(), "apiloom-hook-html-"));

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

describe("docs/index.html's webhooks in Chromium", () => {
  it("are shown as text, and found by the search like the endpoints", async () => {
    const model = loadModel(["docs.yaml"], {
      cwd: join(import.meta.dirname, "fixtures"),
    });
    for (const file of await emitDocs(pluginContext(docsPlugin, model))) {
      mkdirSync(dirname(join(out, file.path)), { recursive: true });
      writeFileSync(join(out, file.path), file.contents);
    }
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(join(out, "docs/index.html")).href);
    const visible = () =>
      page.$$eval("main article", (list) =>
        list
          .filter((a) => (a as HTMLElement).offsetParent !== null)
          .map((a) => a.id),
      );
    expect(await visible()).toEqual([
      "op-ping",
      "hook-orderPaid",
      "hook-stockLow",
    ]);
    expect(await page.locator("#hook-orderPaid .summary").textContent()).toBe(
      "Paid <script>alert(1)</script> | *now*",
    );
    const count = () => page.textContent("#count");
    const hidden = (selector: string) =>
      page.$eval(selector, (e) => (e as HTMLElement).offsetParent === null);
    expect(await count()).toBe("1 endpoints, 2 webhooks");
    await page.fill("#search", "nothing matches this");
    expect(await visible()).toEqual([]);
    expect(await hidden("#webhooks")).toBe(true);
    expect(await count()).toBe("0 of 1 endpoints, 0 of 2 webhooks");
    // by key, and by summary
    await page.fill("#search", "stock.low");
    expect(await visible()).toEqual(["hook-stockLow"]);
    expect(await count()).toBe("0 of 1 endpoints, 1 of 2 webhooks");
    expect(
      await page.$$eval("nav li[data-op]", (list) =>
        list
          .filter((li) => (li as HTMLElement).offsetParent !== null)
          .map((li) => (li as HTMLElement).dataset["op"]),
      ),
    ).toEqual(["hook-stockLow"]);
    await page.fill("#search", "paid");
    expect(await visible()).toEqual(["hook-orderPaid"]);
    await page.fill("#search", "");
    expect(await visible()).toEqual([
      "op-ping",
      "hook-orderPaid",
      "hook-stockLow",
    ]);
    expect(await hidden("#webhooks")).toBe(false);
    expect(await count()).toBe("1 endpoints, 2 webhooks");
    expect(errors).toEqual([]);
  }, 60_000);
});
