// Finds a Chromium for playwright-core: $CHROMIUM, Debian's /usr/bin/chromium (what CI installs),
// else the one @sparticuz/chromium (a devDependency) unpacks into the temp folder.
import { existsSync } from "node:fs";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** `{ executablePath, args }` for `chromium.launch`. */
export async function chromiumLaunchOptions() {
  const given = process.env.CHROMIUM;
  if (given) return { executablePath: given, args: ARGS, headless: true };
  if (existsSync("/usr/bin/chromium"))
    return { executablePath: "/usr/bin/chromium", args: ARGS, headless: true };
  const { default: sparticuz } = await import("@sparticuz/chromium");
  return {
    executablePath: await sparticuz.executablePath(),
    args: [...new Set([...sparticuz.args, ...ARGS])],
    headless: true,
  };
}

/**
 * Elements of the open page wider than the viewport lets them be, widest first: what makes the
 * page scroll sideways. Empty when nothing overflows.
 */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 && getComputedStyle(el).position !== "fixed")
        out.push({
          tag: el.tagName.toLowerCase(),
          className: String(el.className),
          right: Math.round(box.right),
          text: (el.textContent ?? "").slice(0, 80),
        });
    }
    return out.sort((a, b) => b.right - a.right).slice(0, 10);
  });
}
