import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chromiumLaunchOptions,
  horizontalOverflow,
} from "../../scripts/browser.mjs";
import { emitDocs } from "../../src/emit/docs/index.js";
import type { ApiModel } from "../../src/model/types.js";
import { loadModel } from "../../src/pipeline.js";
import { hostileModel } from "./hostile-model.js";
import { readdirSync } from "node:fs";
import docsPlugin from "../../src/emit/docs/plugin.js";
import { pluginContext } from "../emitted.js";

// The HTML page at 1280 px: no sideways scrolling, and the schemas section the links lead to.
// The browser is the one `npm run screenshot` uses (scripts/browser.mjs).
let browser: Browser;
const root = mkdtempSync(join(tmpdir(), "apiloom-layout-"));

beforeAll(async () => {
  browser = await chromium.launch(await chromiumLaunchOptions());
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(root, { recursive: true, force: true });
});

async function open(model: ApiModel, name: string) {
  for (const file of await emitDocs(pluginContext(docsPlugin, model))) {
    const target = join(root, name, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
  });
  await page.goto(pathToFileURL(join(root, name, "docs/index.html")).href);
  return page;
}

describe("the HTML docs at 1280 px", () => {
  it("do not scroll sideways for the Stride seeds (long paths wrap)", async () => {
    const specs = readdirSync("specs")
      .sort()
      .map((f) => `specs/${f}`);
    const page = await open(loadModel(specs), "stride");
    expect(await horizontalOverflow(page)).toEqual([]);
    // open every example too: the code blocks scroll inside themselves, not the page
    await page.evaluate(() =>
      document.querySelectorAll("details").forEach((d) => (d.open = true)),
    );
    expect(await horizontalOverflow(page)).toEqual([]);
  });

  it("list every named schema, and a body's schema link lands on it", async () => {
    const model = hostileModel();
    const page = await open(model, "hostile");
    expect(await horizontalOverflow(page)).toEqual([]);
    const ids = await page.$$eval("#schemas .schema", (list) =>
      list.map((a) => a.id),
    );
    expect(ids).toHaveLength(Object.keys(model.schemas).length);
    const targets = await page.$$eval('main .op a[href^="#schema-"]', (links) =>
      links.map((a) => a.getAttribute("href")!.slice(1)),
    );
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(ids).toContain(target);
  });
});
