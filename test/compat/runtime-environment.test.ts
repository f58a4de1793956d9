import { cpSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMPILERS, type CompilerName } from "./matrix.js";
import { generateIn, tscErrorsOf, writeUserProject } from "./user-project.js";

/**
 * The runtime files apiloom copies into the output start with `// @ts-nocheck` (issue 45), so a
 * project's tsc no longer tells it when its `lib`, `types` or module format lacks what they use;
 * each folder's `environment.ts`, checked, is where it is told instead. The oracle is tsc 5 and 7
 * over the runtime files themselves (generated with `--typecheck-generated`, so checked) under
 * tsconfigs that each lack something: every such error they get, their folder's environment.ts
 * gets too, word for word.
 */
const ROOT = resolve(import.meta.dirname, "out/runtime-environment");

/** Streams, pages, OAuth, uploads, dates, big integers and a webhook: every runtime file. */
const SPEC = `openapi: 3.1.0
info: { title: Env, version: "1" }
servers: [{ url: "https://api.example.com" }]
security: [{ oauth: [] }]
paths:
  /notes:
    get:
      operationId: listNotes
      parameters:
        - { name: cursor, in: query, schema: { type: string } }
      responses:
        "200":
          description: a page
          headers:
            Link: { schema: { type: string } }
          content:
            application/json:
              schema: { type: array, items: { $ref: "#/components/schemas/Note" } }
    post:
      operationId: createNote
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: { type: string, format: binary }
                at: { type: string, format: date-time }
      responses:
        "201":
          description: made
          content: { application/json: { schema: { $ref: "#/components/schemas/Note" } } }
  /events:
    get:
      operationId: streamEvents
      responses:
        "200":
          description: events
          content: { text/event-stream: { schema: { type: string } } }
webhooks:
  noteChanged:
    post:
      requestBody:
        content: { application/json: { schema: { $ref: "#/components/schemas/Note" } } }
      responses: { "200": { description: ok } }
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        clientCredentials: { tokenUrl: "https://api.example.com/token", scopes: {} }
  schemas:
    Note:
      type: object
      required: [id]
      properties:
        id: { type: integer, format: int64 }
        at: { type: string, format: date-time }
        text: { type: string, pattern: "^[a-z]+$" }
`;

const FOLDERS = ["client", "server", "validators", "mcp"];

interface Lacking {
  name: string;
  lib: string[];
  types: string[];
  esm: boolean;
}

/** Projects that each lack something the runtime files use. */
const LACKING: Lacking[] = [
  { name: "no DOM, no @types/node", lib: ["es2022"], types: [], esm: true },
  {
    name: "DOM without dom.iterable",
    lib: ["es2022", "dom"],
    types: [],
    esm: true,
  },
  {
    name: "ES2021",
    lib: ["es2021", "dom", "dom.iterable"],
    types: ["node"],
    esm: true,
  },
  {
    name: "CommonJS",
    lib: ["es2022", "dom", "dom.iterable"],
    types: ["node"],
    esm: false,
  },
];

/**
 * What a project can lack: a global, a module, a library member, iteration, ESM. Other errors
 * (a type that is `any` because of one of these, then not assignable) follow from them.
 */
const ENVIRONMENT_CODES = new Set([
  1470, 2304, 2307, 2339, 2488, 2550, 2580, 2583, 2584, 2591,
]);

function project(
  name: string,
  lacking: Lacking | undefined,
  include: string[],
  main?: string,
): string {
  return writeUserProject(join(ROOT, name), {
    spec: SPEC,
    ...(main === undefined ? {} : { main }),
    ...(lacking
      ? { lib: lacking.lib, types: lacking.types, esm: lacking.esm }
      : {}),
    include,
  });
}

async function generate(dir: string, ...flags: string[]): Promise<void> {
  await generateIn(
    dir,
    "-a",
    "client,server,validators,mcp",
    "--dates",
    "Date",
    "--int64",
    "bigint",
    ...flags,
  );
}

/**
 * The projects both compilers check, each generated once (the same description and flags make the
 * same files): the runtime files checked (`sources`), and a user's program over them, lacking
 * (`user`) or not (`whole`).
 */
const generated = new Map<string, Promise<string>>();
function generatedOnce(
  name: string,
  make: () => string,
  ...flags: string[]
): Promise<string> {
  if (!generated.has(name)) {
    const dir = make();
    generated.set(
      name,
      generate(dir, ...flags).then(() => dir),
    );
  }
  return generated.get(name)!;
}

/** tsc's errors for each project, as `file: TSnnnn: message` (positions left out). */
async function errorsOf(
  compiler: CompilerName,
  dirs: string[],
): Promise<string[][]> {
  return (await tscErrorsOf(compiler, dirs)).map((lines) =>
    lines
      .map((line) => /^(\S+?)\(\d+,\d+\): error (TS(\d+): .*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .filter((m) => ENVIRONMENT_CODES.has(Number(m[3])))
      .map((m) => `${m[1]}: ${m[2]}`),
  );
}

async function errors(compiler: CompilerName, dir: string): Promise<string[]> {
  return (await errorsOf(compiler, [dir]))[0]!;
}

/** The distinct messages of the errors in `folder`, its environment.ts's or the other files'. */
function messages(
  found: string[],
  folder: string,
  environment: boolean,
): string[] {
  const probe = `gen/${folder}/environment.ts: `;
  return [
    ...new Set(
      found
        .filter((line) => line.startsWith(`gen/${folder}/`))
        .filter((line) => line.startsWith(probe) === environment)
        .map((line) => line.slice(line.indexOf(": ") + 2)),
    ),
  ].sort();
}

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe("environment.ts names what the unchecked runtime files need, under tsc 5 and 7", () => {
  for (const compiler of Object.keys(COMPILERS) as CompilerName[]) {
    const slug = compiler.replace(/\W+/g, "");

    it(`${compiler}: every error of a runtime file in a lacking project, environment.ts has too`, async () => {
      const sources = await generatedOnce(
        "sources",
        () => project("sources", undefined, ["gen"]),
        "--typecheck-generated",
      );
      const seen = new Set<string>();
      const dirs = LACKING.map((lacking) => {
        const dir = project(
          `${slug}-${lacking.name.replace(/\W+/g, "-")}`,
          lacking,
          ["gen"],
        );
        cpSync(join(sources, "gen"), join(dir, "gen"), { recursive: true });
        return dir;
      });
      const all = await errorsOf(compiler, dirs);
      for (const [i, lacking] of LACKING.entries()) {
        const found = all[i]!;
        for (const folder of FOLDERS) {
          const probe = messages(found, folder, true);
          const missed = messages(found, folder, false).filter(
            (message) => !probe.includes(message),
          );
          expect(missed, `${lacking.name}: ${folder}`).toEqual([]);
          for (const message of probe) seen.add(`${folder}: ${message}`);
        }
      }
      // not vacuous: each folder's runtime lacked something somewhere
      for (const folder of FOLDERS)
        expect(
          [...seen].some((line) => line.startsWith(`${folder}: `)),
          folder,
        ).toBe(true);
      // tsc over every runtime file under four lacking tsconfigs: tsc 5 takes 13-35 s alone,
      // 18 s in a full run, and passed 60 s once on a machine loaded 8-12 deep on 2 cores
    }, 180_000);

    it(`${compiler}: a user's tsc names the lack in environment.ts, and only there`, async () => {
      const main = [
        'export * as client from "./gen/client/index.js";',
        'export * as server from "./gen/server/index.js";',
        'export * as mcp from "./gen/mcp/index.js";',
        "",
      ].join("\n");
      // the tsconfig includes the program alone: the runtime files are read through its imports
      const lacking = await generatedOnce("user", () =>
        project("user", LACKING[0], ["main.ts"], main),
      );
      const found = await errors(compiler, lacking);
      expect(found.length).toBeGreaterThan(0);
      expect(
        found.filter((line) => !/^gen\/\w+\/environment\.ts: /.test(line)),
      ).toEqual([]);
      for (const folder of ["client", "server", "mcp"])
        expect(messages(found, folder, true).length, folder).toBeGreaterThan(0);
      // and a project that has it all hears nothing
      const whole = await generatedOnce("whole", () =>
        project("whole", undefined, ["main.ts"], main),
      );
      expect(await errors(compiler, whole)).toEqual([]);
    });
  }
});
