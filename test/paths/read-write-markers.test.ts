import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { describeOracles, ORACLES_DIR } from "../shared-corpus.js";
import { peer, typeCheck } from "../validators/oracles/harness.js";

/*
 * paths.ts's `readWriteMarkers` against openapi-typescript 7's `--read-write-markers`: each
 * operation and schema of the two outputs mutually assignable under `strict`; and a program that
 * sends a readOnly member or reads a writeOnly one fails to compile through
 * client/openapi-fetch.ts as through openapi-fetch (its `@ts-expect-error`s are used), while the
 * members each reading keeps compile.
 */

const HERE = import.meta.dirname;
const peerWithMarkers = peer.default as (
  source: unknown,
  options: { silent: boolean; readWriteMarkers: boolean },
) => Promise<unknown>;

/** Both outputs of one document, and a file comparing them both ways, line by line. */
async function outputs(file: string, cwd: string) {
  const model = loadModel([file], { cwd });
  const files = new Map<string, string>();
  for (const f of await emitted(["client", "paths"], model, {
    paths: { readWriteMarkers: true },
  }))
    files.set(`/api/${f.path}`, f.contents);
  files.set(
    "/peer.ts",
    peer.astToString(
      await peerWithMarkers(pathToFileURL(join(cwd, file)), {
        silent: true,
        readWriteMarkers: true,
      }),
    ),
  );
  const lines = [
    `import type * as A from "./api/paths.js";`,
    `import type * as P from "./peer.js";`,
  ];
  const subjects = new Map<number, string>();
  const compare = (subject: string, path: string) => {
    subjects.set(
      lines.length + 1,
      `${subject} (openapi-typescript's to apiloom's)`,
    );
    lines.push(
      `declare const t${lines.length}: P.${path}; export const a${lines.length}: A.${path} = t${lines.length};`,
    );
    subjects.set(
      lines.length + 1,
      `${subject} (apiloom's to openapi-typescript's)`,
    );
    lines.push(
      `declare const t${lines.length}: A.${path}; export const a${lines.length}: P.${path} = t${lines.length};`,
    );
  };
  for (const e of model.endpoints)
    compare(
      `${e.method.toUpperCase()} ${e.path}`,
      `paths[${JSON.stringify(e.path)}][${JSON.stringify(e.method)}]`,
    );
  for (const name of Object.keys(model.schemas))
    compare(name, `components["schemas"][${JSON.stringify(name)}]`);
  files.set("/compare.ts", lines.join("\n") + "\n");
  return { files, subjects };
}

/** openapi-fetch's declarations, for the in-memory program (`/node_modules/<package>/…`). */
function packageTypes(): Map<string, string> {
  const files = new Map<string, string>();
  const add = (root: string, at: string) => {
    for (const entry of readdirSync(root)) {
      const path = join(root, entry);
      if (statSync(path).isDirectory()) add(path, `${at}/${entry}`);
      else if (/(\.d\.m?ts|package\.json)$/.test(entry))
        files.set(`${at}/${entry}`, readFileSync(path, "utf8"));
    }
  };
  for (const name of ["openapi-fetch", "openapi-typescript-helpers"])
    add(
      dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)),
      `/node_modules/${name}`,
    );
  return files;
}

/** Type-checks the outputs (and `programs`, keyed by file name); what differs, by subject. */
async function differences(
  file: string,
  cwd: string,
  programs: Record<string, string> = {},
): Promise<string[]> {
  const { files, subjects } = await outputs(file, cwd);
  for (const [name, text] of Object.entries(programs))
    files.set(`/${name}`, text);
  const all = new Map([
    ...files,
    ...(Object.keys(programs).length > 0 ? packageTypes() : []),
  ]);
  return typeCheck(all).map((p) =>
    p.file === "/compare.ts"
      ? `${subjects.get(p.line)}: TS${p.code}`
      : `${p.file}:${p.line}: TS${p.code} ${p.message.slice(0, 200)}`,
  );
}

/** What each reading keeps and drops, written once for both clients. */
const PROGRAM = `import createClient from "CLIENT";
import type { paths } from "TYPES";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:1" });

export async function run(): Promise<void> {
  // a body sends the writeOnly member and not the readOnly ones
  const saved = await client.PUT("/accounts/{id}", {
    params: { path: { id: "a" } },
    body: { email: "e@example.com", secret: "s", note: "n", tags: [{ name: "t" }] },
  });
  if (saved.data) {
    const id: string = saved.data.id;
    const created: string | null = saved.data.createdAt;
    const count: number | undefined = saved.data.tags?.[0]?.count;
    console.log(id, created, count, saved.data.owner?.name, saved.data.note);
    // @ts-expect-error a writeOnly member is not read
    console.log(saved.data.secret);
  }
  if (saved.error) {
    console.log(saved.error.detail);
    // @ts-expect-error nor in an error
    console.log(saved.error.trace);
  }
  await client.PUT("/accounts/{id}", {
    params: { path: { id: "a" } },
    // @ts-expect-error a readOnly member is not sent
    body: { id: "x", email: "e@example.com", secret: "s" },
  });
  await client.PUT("/accounts/{id}", {
    params: { path: { id: "a" } },
    // @ts-expect-error nor inside an array
    body: { email: "e@example.com", secret: "s", tags: [{ name: "t", count: 1 }] },
  });
  // @ts-expect-error a required writeOnly member is still required
  await client.PUT("/accounts/{id}", { params: { path: { id: "a" } }, body: { email: "e" } });
}
`;

const CLIENTS = {
  "with-openapi-fetch.ts": { client: "openapi-fetch", types: "./peer.js" },
  "with-apiloom.ts": {
    client: "./api/client/openapi-fetch.js",
    types: "./api/paths.js",
  },
};

describe("paths.ts with readWriteMarkers", () => {
  const here = join(HERE, "fixtures");

  it("agrees with openapi-typescript --read-write-markers, and a program compiles (and fails) alike through both clients", async () => {
    const programs = Object.fromEntries(
      Object.entries(CLIENTS).map(([name, { client, types }]) => [
        name,
        PROGRAM.replace('"CLIENT"', JSON.stringify(client)).replace(
          '"TYPES"',
          JSON.stringify(types),
        ),
      ]),
    );
    expect(await differences("read-write-more.yaml", here, programs)).toEqual(
      [],
    );
  }, 120_000);

  it("marks members: $Read, $Write, neither for both, required kept", async () => {
    const { files } = await outputs("read-write-more.yaml", here);
    const paths = files.get("/api/paths.ts")!;
    expect(paths).toContain("export type $Read<T> = { readonly $read: T };");
    expect(paths).toMatch(/ id: \$Read<string>;/);
    expect(paths).toMatch(/ secret: \$Write<string>;/);
    expect(paths).toMatch(/ createdAt: \$Read<string \| null>;/);
    expect(paths).toMatch(/ note\?: string;/);
    expect(paths).toMatch(
      / owner\?: \$Read<components\["schemas"\]\["Tag"\]>;/,
    );
  });
});

describeOracles(
  "paths.ts with readWriteMarkers (openapi-fetch's read-write schema)",
  () => {
    it("agrees with openapi-typescript --read-write-markers", async () => {
      expect(
        await differences(
          "read-write-visibility-read-write.yaml",
          join(ORACLES_DIR, "openapi-fetch"),
        ),
      ).toEqual([]);
    }, 120_000);
  },
);
