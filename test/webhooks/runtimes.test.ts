import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { Webhook } from "standardwebhooks";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../browser.js";

const run = promisify(execFile);

/*
 * server/webhooks.ts is WebCrypto and nothing else, so it verifies alike on Deno, Bun and in a
 * browser: each runs the same cases (signed on Node by the schemes' libraries, and GitHub's
 * documented vector) against the file as it is generated, and reports which verify.
 */
const REPO = resolve(import.meta.dirname, "../..");
const OUT = join(REPO, "test/webhooks/out/runtimes");
const BIN = join(REPO, "node_modules/.bin");

const SECRET =
  "whsec_" + Buffer.from("a secret for every runtime").toString("base64");
const BODY = JSON.stringify({ type: "pet.adopted", data: { id: 1 } });

interface Case {
  name: string;
  scheme: "standard" | "github" | "stripe";
  secret: string;
  headers: Record<string, string>;
  body: string;
}

function cases(): { cases: Case[]; expected: Record<string, boolean> } {
  const at = new Date();
  const signature = new Webhook(SECRET).sign("msg_1", at, BODY);
  const standard = {
    "webhook-id": "msg_1",
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
  const stale = new Date(at.getTime() - 3_600_000);
  const stripeSecret = "whsec_runtimes";
  const stripeHeader = new Stripe(
    "sk_test_unused",
  ).webhooks.generateTestHeaderString({
    payload: BODY,
    secret: stripeSecret,
  });
  const list: [Case, boolean][] = [
    [
      {
        name: "standard",
        scheme: "standard",
        secret: SECRET,
        headers: standard,
        body: BODY,
      },
      true,
    ],
    [
      {
        name: "standard, tampered",
        scheme: "standard",
        secret: SECRET,
        headers: standard,
        body: BODY + " ",
      },
      false,
    ],
    [
      {
        name: "standard, stale",
        scheme: "standard",
        secret: SECRET,
        headers: {
          ...standard,
          "webhook-timestamp": String(Math.floor(stale.getTime() / 1000)),
          "webhook-signature": new Webhook(SECRET).sign("msg_1", stale, BODY),
        },
        body: BODY,
      },
      false,
    ],
    [
      {
        name: "github vector",
        scheme: "github",
        secret: "It's a Secret to Everybody",
        headers: {
          "x-hub-signature-256":
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
        },
        body: "Hello, World!",
      },
      true,
    ],
    [
      {
        name: "stripe",
        scheme: "stripe",
        secret: stripeSecret,
        headers: { "stripe-signature": stripeHeader },
        body: BODY,
      },
      true,
    ],
    [
      {
        name: "stripe, wrong secret",
        scheme: "stripe",
        secret: "whsec_other",
        headers: { "stripe-signature": stripeHeader },
        body: BODY,
      },
      false,
    ],
  ];
  return {
    cases: list.map(([c]) => c),
    expected: Object.fromEntries(list.map(([c, ok]) => [c.name, ok])),
  };
}

/** The module every runtime runs: each case verified with the generated file, by name. */
const CHECK = `import { verifyWebhook } from "./webhooks.ts";

export async function check(cases) {
  const out = {};
  for (const c of cases)
    out[c.name] = await verifyWebhook(c.scheme, c.secret, c.headers, c.body).then(
      () => true,
      () => false,
    );
  return out;
}
`;

describe("server/webhooks.ts on other runtimes", () => {
  const { cases: list, expected } = cases();

  beforeAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    copyFileSync(
      join(REPO, "templates/server/webhooks.ts"),
      join(OUT, "webhooks.ts"),
    );
    writeFileSync(join(OUT, "check.js"), CHECK);
    writeFileSync(
      join(OUT, "main.js"),
      `import { check } from "./check.js";\nconsole.log(JSON.stringify(await check(${JSON.stringify(list)})));\n`,
    );
  });
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  const runtimes: Record<string, string[]> = {
    deno: [
      join(BIN, "deno"),
      "run",
      "--no-config",
      "--no-lock",
      join(OUT, "main.js"),
    ],
    bun: [join(BIN, "bun"), join(OUT, "main.js")],
  };
  it.each(Object.keys(runtimes))(
    "verifies and refuses alike on %s",
    async (name) => {
      const [command, ...args] = runtimes[name]!;
      const { stdout } = await run(command!, args, {
        cwd: OUT,
        env: {
          ...process.env,
          DENO_DIR: join(OUT, ".deno"),
          DENO_NO_UPDATE_CHECK: "1",
          NO_COLOR: "1",
        },
        timeout: 60_000,
      });
      expect(JSON.parse(stdout)).toEqual(expected);
    },
    90_000,
  );

  it("verifies and refuses alike in Chromium", async () => {
    const bundled = await build({
      entryPoints: [join(OUT, "check.js")],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const module = bundled.outputFiles[0]!.text;
    const server: Server = createServer((req, res) => {
      if (req.url === "/check.js")
        return void res
          .writeHead(200, { "Content-Type": "text/javascript" })
          .end(module);
      res
        .writeHead(200, { "Content-Type": "text/html" })
        .end("<!doctype html><title>webhooks</title>");
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      );
      const result = await page.evaluate(
        `import("/check.js").then((m) => m.check(${JSON.stringify(list)}))`,
      );
      expect(result).toEqual(expected);
    } finally {
      await browser.close();
      server.closeAllConnections();
      server.close();
    }
  }, 120_000);
});
