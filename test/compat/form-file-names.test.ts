import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/*
 * A multipart field that is a Blob goes out as a file named "blob" (XHR standard: FormData's
 * append), as Node, Deno and browsers send it; Bun's FormData names it "" (`filename=""`), which
 * PHP reads as no file uploaded and Flask's `file.filename == ""` as none selected. The held-out
 * runtime hunt: every upload of openai, digilocker, prss and soundcloud differed on Bun. The
 * client's runtime (templates/client/body.ts) is run by Bun and Deno as it is.
 */
const REPO = resolve(import.meta.dirname, "../..");
const BIN = join(REPO, "node_modules/.bin");
const DIR = join(REPO, "test/compat/out/form-file-names");
const SCRIPT = join(DIR, "form.ts");

const RUNTIMES: Record<string, string[]> = {
  bun: [join(BIN, "bun"), SCRIPT],
  deno: [
    join(BIN, "deno"),
    "run",
    "--no-config",
    "--no-lock",
    "--sloppy-imports",
    SCRIPT,
  ],
};

describe.each(Object.keys(RUNTIMES))("a multipart body on %s", (runtime) => {
  it("names a Blob field's file 'blob' and keeps a File's name", async () => {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(
      SCRIPT,
      `import { serializeBody } from ${JSON.stringify(join(REPO, "templates/client/body.ts"))};
const body = { file: new Blob(["q"]), named: new File(["q"], "a.png"), empty: new File(["q"], ""), n: 1 };
console.log(await new Response(serializeBody(body, "multipart/form-data")).text());
`,
    );
    const [command, ...args] = RUNTIMES[runtime]!;
    const { stdout } = await run(command!, args, {
      env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      timeout: 30_000,
    });
    expect(stdout.match(/^Content-Disposition: .*$/gm)).toEqual([
      'Content-Disposition: form-data; name="file"; filename="blob"',
      'Content-Disposition: form-data; name="named"; filename="a.png"',
      'Content-Disposition: form-data; name="empty"; filename=""',
      'Content-Disposition: form-data; name="n"',
    ]);
  });
});
