import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { chromium, type Browser } from "playwright-core";

/**
 * The headless Chromium the browser tests drive, found without anything installed by hand:
 *
 * 1. `APILOOM_CHROMIUM`, when set: the path of a Chromium or Chrome binary to use;
 * 2. a system Chromium on `PATH` (`chromium`, `chromium-browser`, `google-chrome`), when there is one;
 * 3. otherwise the Chromium that the `@sparticuz/chromium` devDependency ships inside its npm
 *    package (unpacked into the system temp folder on first use, ~1.5 s).
 *
 * A missing browser is an error that says how to get one, never a skipped test.
 */
export interface FoundBrowser {
  executablePath: string;
  /** where it came from, for messages */
  source: "APILOOM_CHROMIUM" | "PATH" | "@sparticuz/chromium";
}

/** Flags for a root user on a machine with a closed network (no sandbox, no background traffic). */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--no-zygote",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome"];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(names: readonly string[]): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export async function findChromium(): Promise<FoundBrowser> {
  const chosen = process.env.APILOOM_CHROMIUM;
  if (chosen !== undefined && chosen !== "") {
    if (!isExecutable(chosen)) {
      throw new Error(
        `APILOOM_CHROMIUM=${chosen} is not an executable file; unset it to use the Chromium that npm install brings (@sparticuz/chromium).`,
      );
    }
    return { executablePath: chosen, source: "APILOOM_CHROMIUM" };
  }
  const system = onPath(SYSTEM_NAMES);
  if (system !== undefined) return { executablePath: system, source: "PATH" };
  try {
    const { default: packaged } = await import("@sparticuz/chromium");
    return {
      executablePath: await packaged.executablePath(),
      source: "@sparticuz/chromium",
    };
  } catch (error) {
    throw new Error(
      "No Chromium for the browser tests. `npm install` brings one (the devDependency @sparticuz/chromium, " +
        "unpacked into the temp folder on first use); if that fails, install a system Chromium " +
        "(e.g. `apt-get install chromium`) or set APILOOM_CHROMIUM to a Chromium binary. Cause: " +
        (error instanceof Error ? error.message : String(error)),
    );
  }
}

/** Launches the browser `findChromium` finds, headless. */
export async function launchChromium(): Promise<Browser> {
  const found = await findChromium();
  try {
    return await chromium.launch({
      executablePath: found.executablePath,
      args: [...CHROMIUM_ARGS],
      headless: true,
    });
  } catch (error) {
    throw new Error(
      `Chromium from ${found.source} (${found.executablePath}) did not start. ` +
        "Set APILOOM_CHROMIUM to another Chromium binary, or remove the system one to use @sparticuz/chromium. Cause: " +
        (error instanceof Error ? error.message : String(error)),
    );
  }
}
