import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { describeOracles, ORACLES_DIR } from "../shared-corpus.js";
import { packageTypes } from "./package-types.js";
import { peer, typeCheck } from "../validators/oracles/harness.js";

/*
 * paths.ts's options against openapi-typescript 7's of the same names: `readWriteMarkers`
 * (`--read-write-markers`) and `defaultNonNullable` (on by default there). Each operation and
 * schema of the two outputs mutually assignable under `strict`; and programs that compile, and
 * fail to (their `@ts-expect-error`s: sending a readOnly member, reading a writeOnly one), alike
 * through client/openapi-fetch.ts and through openapi-fetch.
 */

const HERE = import.meta.dirname;
interface Options {
  readWriteMarkers?: boolean;
  defaultNonNullable?: boolean;
}
const peerWith = peer.default as (
  source: unknown,
  options: Options & { silent: boolean },
) => Promise<unknown>;

/**
 * Both outputs of one document, apiloom's with `options` and openapi-typescript's with the same
 * (its defaultNonNullable is on unless said), and a file comparing them both ways, line by line.
 */
async function outputs(file: string, cwd: string, options: Options) {
  const model = loadModel([file], { cwd });
  const files = new Map<string, string>();
  for (const f of await emitted(["client", "paths"], model, {
    paths: options,
  }))
    files.set(`/api/${f.path}`, f.contents);
  files.set(
    "/peer.ts",
    peer.astToString(
      await peerWith(pathToFileURL(join(cwd, file)), {
        silent: true,
        defaultNonNullable: false,
        ...options,
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

/** Type-checks the outputs (and `programs`, keyed by file name); what differs, by subject. */
async function differences(
  file: string,
  cwd: string,
  options: Options,
  program?: string,
): Promise<string[]> {
  const { files, subjects } = await outputs(file, cwd, options);
  const programs = program ? bothClients(program) : {};
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

/** A program written for openapi-fetch, and the same through apiloom's client. */
function bothClients(program: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(CLIENTS).map(([name, { client, types }]) => [
      name,
      program
        .replace('"CLIENT"', JSON.stringify(client))
        .replace('"TYPES"', JSON.stringify(types)),
    ]),
  );
}

/** What each reading keeps and drops, written once for both clients. */
const MARKERS_PROGRAM = `import createClient from "CLIENT";
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

/** A member with a default is there when read, and needs not be sent. */
const DEFAULTS_PROGRAM = `import createClient from "CLIENT";
import type { components, paths } from "TYPES";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:1" });

export async function run(): Promise<void> {
  const list = await client.GET("/items", {});
  for (const item of list.data ?? []) {
    const status: "active" | "archived" = item.status;
    const tags: string[] = item.tags;
    console.log(status, tags.length, item.owner?.name.length);
  }
  const created = await client.POST("/items", { body: { name: "n" } });
  if (created.data) {
    const done: boolean = created.data.created;
    console.log(done, created.data.item?.status.length);
  }
  const item: components["schemas"]["Item"] = {
    id: 1,
    status: "active",
    tags: [],
    bill_to_country_code: null,
  };
  // @ts-expect-error a member with a default is required in a schema's type
  const partial: components["schemas"]["Item"] = { id: 1 };
  console.log(item, partial);
}
`;

const HERE_FIXTURES = join(HERE, "fixtures");

describe("paths.ts with readWriteMarkers", () => {
  it("agrees with openapi-typescript --read-write-markers, and a program compiles (and fails) alike through both clients", async () => {
    expect(
      await differences(
        "read-write-more.yaml",
        HERE_FIXTURES,
        { readWriteMarkers: true },
        MARKERS_PROGRAM,
      ),
    ).toEqual([]);
  }, 120_000);

  it("marks members: $Read, $Write, neither for both, required kept", async () => {
    const { files } = await outputs("read-write-more.yaml", HERE_FIXTURES, {
      readWriteMarkers: true,
    });
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

describe("paths.ts with defaultNonNullable", () => {
  it("agrees with openapi-typescript's default, and a program compiles (and fails) alike through both clients", async () => {
    expect(
      await differences(
        "defaults.yaml",
        HERE_FIXTURES,
        { defaultNonNullable: true },
        DEFAULTS_PROGRAM,
      ),
    ).toEqual([]);
  }, 120_000);

  it("with the markers too", async () => {
    expect(
      await differences("defaults.yaml", HERE_FIXTURES, {
        defaultNonNullable: true,
        readWriteMarkers: true,
      }),
    ).toEqual([]);
  }, 120_000);
});

describeOracles(
  "paths.ts with readWriteMarkers (openapi-fetch's read-write schema)",
  () => {
    it("agrees with openapi-typescript --read-write-markers", async () => {
      expect(
        await differences(
          "read-write-visibility-read-write.yaml",
          join(ORACLES_DIR, "openapi-fetch"),
          { readWriteMarkers: true },
        ),
      ).toEqual([]);
    }, 120_000);
  },
);
