import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitDocs } from "../../src/emit/docs/index.js";
import type { ApiModel } from "../../src/model/types.js";
import { loadModel } from "../../src/pipeline.js";
import { launchChromium } from "../browser.js";
import { bigModel } from "./big-model.js";
import { IMG_TEXT, SCRIPT_TEXT, hostileModel } from "./hostile-model.js";
import docsPlugin from "../../src/emit/docs/plugin.js";
import { pluginContext } from "../emitted.js";

let browser: Browser;
const outDir = mkdtempSync(join(tmpdir(), "apiloom-docs-"));

// the first run unpacks @sparticuz/chromium (~1.5 s alone, longer on a loaded machine)
beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Writes the docs of `model` under a fresh folder and opens `docs/index.html`, recording what happens. */
async function openDocs(model: ApiModel, name: string) {
  const root = join(outDir, name);
  for (const file of await emitDocs(pluginContext(docsPlugin, model))) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.contents);
  }
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
  });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  const url = pathToFileURL(join(root, "docs/index.html")).href;
  await page.goto(url);
  return { page, requests, errors, url };
}

async function visibleNavItems(page: Page): Promise<string[]> {
  return page.$$eval("nav li[data-op]", (items) =>
    items
      .filter((li) => (li as HTMLElement).offsetParent !== null)
      .map((li) => (li as HTMLElement).dataset.op!),
  );
}

describe("docs/index.html in headless Chromium", () => {
  it("keeps hostile spec text as visible text: no script runs, no element is created", async () => {
    const { page, requests, errors } = await openDocs(
      hostileModel(),
      "hostile",
    );
    expect(
      await page.evaluate(
        () => (window as unknown as { __pwned?: number }).__pwned,
      ),
    ).toBeUndefined();
    expect(await page.$$eval("script", (s) => s.length)).toBe(2); // the search index and the page's own script
    expect(await page.$$eval("img", (s) => s.length)).toBe(0);
    const description = page.locator("#op-listPets .desc").first();
    expect(await description.textContent()).toContain(SCRIPT_TEXT);
    expect(await description.textContent()).toContain(IMG_TEXT);
    await expect.poll(() => description.isVisible()).toBe(true);
    expect(await page.locator("h1").textContent()).toBe(
      hostileModel().info.title,
    );
    expect(await page.title()).toContain(SCRIPT_TEXT);
    // the search index is data: searching for the markup finds the endpoint whose summary has it
    await page.fill("#search", "onerror");
    // listed once, under its first tag (issue 12: one group per endpoint)
    expect(await visibleNavItems(page)).toEqual(["op-getPetOwner"]);
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith("file:"))).toBe(true);
    await page.close();
  });

  it("filters endpoints as you type, follows an anchor and takes a screenshot (Stride seeds)", async () => {
    const seeds = readdirSync("specs")
      .sort()
      .map((f) => `specs/${f}`);
    const model = loadModel(seeds);
    const { page, requests, errors, url } = await openDocs(model, "stride");
    const all = await visibleNavItems(page);
    expect(new Set(all).size).toBe(model.endpoints.length);
    expect(await page.textContent("#count")).toBe(
      `${model.endpoints.length} endpoints`,
    );

    const wanted = model.endpoints.filter((e) =>
      /message/i.test(`${e.path} ${e.name} ${e.summary ?? ""}`),
    );
    expect(wanted.length).toBeGreaterThan(0);
    await page.locator("#search").pressSequentially("message", { delay: 10 });
    const shown = await visibleNavItems(page);
    expect(new Set(shown)).toEqual(new Set(wanted.map((e) => `op-${e.name}`)));
    expect(await page.textContent("#count")).toBe(
      `${wanted.length} of ${model.endpoints.length} endpoints`,
    );
    const hiddenArticles = await page.$$eval(
      "main .op",
      (ops) => ops.filter((o) => (o as HTMLElement).hidden).length,
    );
    expect(hiddenArticles).toBe(model.endpoints.length - wanted.length);

    const target = `op-${wanted[0]!.name}`;
    await page.locator(`nav li[data-op="${target}"] a`).first().click();
    expect(page.url()).toBe(`${url}#${target}`);
    const box = await page.locator(`#${target}`).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(800);
    expect(await page.locator(`#${target} .p`).first().textContent()).toBe(
      wanted[0]!.path,
    );

    const shot = join(outDir, "stride.png");
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    if (process.env.APILOOM_SCREENSHOT)
      copyFileSync(shot, process.env.APILOOM_SCREENSHOT);

    await page.fill("#search", "");
    expect(new Set(await visibleNavItems(page)).size).toBe(
      model.endpoints.length,
    );
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith("file:"))).toBe(true);
    await page.close();
  });

  it("stays usable with 1,200 endpoints: search answers while typing", async () => {
    const model = bigModel(1200);
    const { page, errors } = await openDocs(model, "big");
    expect(await page.textContent("#count")).toBe("1200 endpoints");
    await page.fill("#search", "operation1199");
    expect(await page.textContent("#count")).toBe("1 of 1200 endpoints");
    expect(await visibleNavItems(page)).toEqual(["op-operation1199"]);
    await page.locator('nav a[href="#op-operation1199"]').click();
    await expect
      .poll(() => page.locator("#op-operation1199").isVisible())
      .toBe(true);
    const box = await page.locator("#op-operation1199").boundingBox();
    expect(box!.y).toBeLessThan(800);
    expect(errors).toEqual([]);
    await page.close();
  });
});
