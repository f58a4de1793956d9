// `npm run screenshot`: opens generated/docs/index.html at 1280×800, fails when the page scrolls
// sideways, and writes docs/screenshot.png (the picture in docs/docs-and-openapi.md) with the search filtered by
// "message". Run `npm run generate` first.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions, horizontalOverflow } from "./browser.mjs";

const page_ = resolve("generated/docs/index.html");
if (!existsSync(page_)) {
  process.stderr.write(`${page_} is missing: run npm run generate first\n`);
  process.exit(1);
}
const browser = await chromium.launch(await chromiumLaunchOptions());
try {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
  });
  await page.goto(pathToFileURL(page_).href);
  const overflow = await horizontalOverflow(page);
  if (overflow.length > 0) {
    process.stderr.write(
      `the page is wider than 1280 px:\n${overflow.map((o) => `  <${o.tag} class="${o.className}"> to ${o.right}px: ${o.text}`).join("\n")}\n`,
    );
    process.exitCode = 1;
  }
  await page.fill("#search", "message");
  await page.screenshot({ path: "docs/screenshot.png" });
  process.stdout.write("docs/screenshot.png written\n");
} finally {
  await browser.close();
}
