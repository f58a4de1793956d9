#!/usr/bin/env node
// node bench/typecheck-variants.mjs: where TypeScript 7's first completion after `client.` spends
// its time on GitHub's `-a client` output (issue 45; docs/benchmark.md, "Seventh pass"). It copies
// the output folder `BENCH_ONLY=typecheck npm run bench` left in <bench cache>/typecheck/work,
// edits client/index.ts (and for one, types.ts) into variants (measurements, not proposals: some do not type-check a
// real program), and asks each for its first completion, alternated with the output as generated
// and openapi-fetch's, round after round, under GOMAXPROCS=1 so that the server's CPU time is its
// work and not two threads' overhead. It prints each case's mean and median server CPU (ms).
//
// VARIANT_RUNS (default 21) rounds; VARIANT_GOGC=off runs the servers without Go's garbage
// collector (its share, about a quarter of the time, moves in steps as the heap crosses its
// thresholds; without it what is left is the work); VARIANT_CASES picks cases by name.
import {
  cpSync,
  existsSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { loadavg } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { benchCache } from "./cache.mjs";
import { lspCompletion } from "./typecheck-editor.mjs";

const WORK = join(benchCache(), "typecheck", "work");
const GENERATED = join(WORK, "github-apiloom-client");
const PEER = join(WORK, "github-openapi-fetch");
if (!existsSync(join(GENERATED, "out/client/index.ts")) || !existsSync(PEER)) {
  console.error(
    `typecheck-variants: ${GENERATED} or ${PEER} is missing; run \`npm run build && BENCH_ONLY=typecheck TYPECHECK_INPUTS=github npm run bench\` first`,
  );
  process.exit(2);
}

/** `text` with `pattern` replaced; an edit that finds nothing is a broken variant, not a measurement. */
function edit(text, pattern, replacement) {
  const out = text.replace(pattern, replacement);
  if (out === text)
    throw new Error(`typecheck-variants: ${pattern} matches nothing`);
  return out;
}

/** The first match of `pattern`, which must match. */
function find(text, pattern) {
  const m = pattern.exec(text);
  if (!m) throw new Error(`typecheck-variants: ${pattern} matches nothing`);
  return m[0];
}

const JSDOC = /^[ \t]*\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n/gm;
const TYPE_IMPORTS = /^import type \{\n[\s\S]*?\n\} from "\.\.\/types\.js";\n/m;
const CONSTANTS =
  /^export const \w+: (?:EndpointFunctions|PageFunctions)\["\w+"\] =\n[\s\S]*?\n {2}\}\);\n\n?/gm;
const noJsDoc = (text) => text.replace(JSDOC, "");

const index = readFileSync(join(GENERATED, "out/client/index.ts"), "utf8");
const types = readFileSync(join(GENERATED, "out/types.ts"), "utf8");
const RUNTIME_TYPES =
  'import type { ApiCall, ClientOptions } from "./runtime.js";\nimport type { PagesCall } from "./paginate.js";\n';
const DECLARE =
  "export declare function createClient<T extends boolean = false>(config?: ClientOptions<T>): EndpointFunctions<T>;\n";

/** Each variant: its client/index.ts made from the generated one. */
const VARIANTS = {
  // the program's three endpoints only: what types.ts and the runtime files cost
  "three-endpoints": () =>
    [
      'import type { ReposGetRequest, ReposGetResponses, IssuesListForRepoRequest, IssuesListForRepoResponses, IssuesCreateRequest, IssuesCreateResponses } from "../types.js";',
      RUNTIME_TYPES,
      "export interface EndpointFunctions<T extends boolean = false> {",
      "  reposGet: ApiCall<ReposGetRequest, ReposGetResponses, T>;",
      "  issuesListForRepo: ApiCall<IssuesListForRepoRequest, IssuesListForRepoResponses, T>;",
      "  issuesCreate: ApiCall<IssuesCreateRequest, IssuesCreateResponses, T>;",
      "}",
      DECLARE,
    ].join("\n"),
  // the 2,446 type imports and the two interfaces, no JSDoc: the member list alone
  "interface-only": () =>
    find(index, TYPE_IMPORTS) +
    RUNTIME_TYPES +
    noJsDoc(find(index, /^export interface EndpointFunctions[\s\S]*?\n\}\n/m)) +
    noJsDoc(find(index, /^export interface PageFunctions[\s\S]*?\n\}\n/m)) +
    DECLARE,
  // no endpoint or page constants (the standalone functions) and no JSDoc
  "no-constants": () =>
    edit(
      edit(noJsDoc(index), CONSTANTS, ""),
      /return bindAll\(config, \{[\s\S]*?\}\);/,
      "return bindAll(config, {} as never);",
    ),
  // no `export type * from "../types.js"` (the types' public path)
  "no-reexport": () => edit(index, 'export type * from "../types.js";\n', ""),
  // each endpoint's spec one string literal instead of an object: fewer identifiers to parse
  "string-specs": () =>
    edit(index, /makeEndpoint\(\{\n([\s\S]*?)\n {2}\}\);/g, (_, body) => {
      // the spec as a value: a bare name (a writer such as serializeBody) read as "@name"
      const spec = Function(
        `return {${body.replace(/:\s*(?!true\b|false\b|null\b)([A-Za-z_$][\w$]*),/g, ': "@$1",')}}`,
      )();
      const writers = [];
      const parts = [];
      for (const [key, value] of Object.entries(spec)) {
        if (typeof value === "string" && value.startsWith("@"))
          writers.push(value.slice(1));
        else parts.push(`${key}=${[value].flat().join(",")}`);
      }
      return `makeEndpoint(${JSON.stringify(parts.join("|"))}${writers.map((w) => `, ${w}`).join("")});`;
    }),
  // the JSDoc once, on the members of EndpointFunctions/PageFunctions (hover over `client.x`),
  // not again on the standalone constants (hover over an imported `x` would show none)
  "doc-once": () =>
    edit(
      index,
      /^\/\*\*(?:(?!\*\/)[\s\S])*\*\/\n(?=export const \w+: (?:EndpointFunctions|PageFunctions)\[)/gm,
      "",
    ),
  // members looked up by key in an `Operations` interface added to types.ts, so index.ts
  // imports one name instead of 2,446 (the Result and page types too): the imports' cost alone
  keyed: () => keyed(index),
  // `client.` lists groups (each name's first lower-case word, ~40 on GitHub) whose interfaces hold
  // the members, as Stainless's, Speakeasy's and Fern's SDKs do (`client.repos.get`): what a list
  // of 1,223 members costs the first completion (main.ts's calls do not type-check against it)
  grouped: () => grouped(index),
};

/** `text` with EndpointFunctions' members moved into one interface per group (see `grouped`). */
function grouped(text) {
  const block = find(
    text,
    /^export interface EndpointFunctions[\s\S]*?\n\}\n/m,
  );
  const body = block.slice(block.indexOf("{\n") + 2, -2);
  // a member: its JSDoc (if any) and its declaration, up to the `;` that ends a line at 2 spaces
  const members = body.match(
    /(?: {2}\/\*\*[\s\S]*?\*\/\n)? {2}\w+:[\s\S]*?;\n(?= {2}[\w/]|$)/g,
  );
  const groups = new Map();
  for (const member of members) {
    const name = /^ {2}(\w+):/m.exec(
      member.replace(/^ {2}\/\*\*[\s\S]*?\*\/\n/, ""),
    )[1];
    const group = /^[a-z]+/.exec(name)[0];
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(member);
  }
  const interfaces = [...groups]
    .map(
      ([group, list]) =>
        `export interface Group_${group}<T extends boolean = false> {\n${list.join("")}}\n`,
    )
    .join("\n");
  const top = [...groups.keys()]
    .map((g) => `  ${g}: Group_${g}<T>;\n`)
    .join("");
  return edit(
    text,
    block,
    `${interfaces}\nexport interface EndpointFunctions<T extends boolean = false> {\n${top}}\n`,
  );
}

/**
 * `text` (client/index.ts) with every `ApiCall<XRequest, XResponses, T>`, `PagesCall<…>` and
 * `ApiReturn<XResponses, T>` written as a look-up in `Operations`, and the types.ts that declares it.
 */
function keyed(text) {
  const names = new Map(); // the Request/Responses types' stem -> the function's name
  let out = edit(
    text,
    TYPE_IMPORTS,
    'import type { Operations } from "../types.js";\n',
  );
  out = edit(
    out,
    /^ {2}(\w+): ApiCall<\s*(\w+)Request,\s*\2Responses,\s*T,?\s*>;/gm,
    (_, key, stem) => {
      names.set(stem, key);
      return `  ${key}: Call<"${key}", T>;`;
    },
  );
  const key = (stem) => {
    if (!names.has(stem)) throw new Error(`typecheck-variants: no ${stem}`);
    return names.get(stem);
  };
  out = edit(
    out,
    /^ {2}(\w+): PagesCall<\s*(\w+)Request,\s*\2Responses(?:,\s*("\w+"))?,?\s*>;/gm,
    (_, member, stem, items) =>
      `  ${member}: PageCall<"${key(stem)}"${items ? `, ${items}` : ""}>;`,
  );
  out = edit(
    out,
    /ApiReturn<\s*(\w+)Responses,\s*T,?\s*>/g,
    (_, stem) => `ApiReturn<Operations["${key(stem)}"][1], T>`,
  );
  out = edit(
    out,
    /^export interface EndpointFunctions/m,
    "type Call<K extends keyof Operations, T extends boolean> = ApiCall<Operations[K][0], Operations[K][1], T>;\n" +
      "type PageCall<K extends keyof Operations, I extends string = never> = PagesCall<Operations[K][0], Operations[K][1], I>;\n\n" +
      "export interface EndpointFunctions",
  );
  const operations = [...names]
    .map(([stem, name]) => `  ${name}: [${stem}Request, ${stem}Responses];\n`)
    .join("");
  return {
    index: out,
    types: `${types}\nexport interface Operations {\n${operations}}\n`,
  };
}

const pick = process.env.VARIANT_CASES?.split(",").filter(Boolean);
const cases = { "openapi-fetch": PEER, "apiloom as generated": GENERATED };
for (const [name, make] of Object.entries(VARIANTS)) {
  if (pick && !pick.includes(name)) continue;
  const dir = join(WORK, `variant-${name}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(GENERATED, dir, { recursive: true });
  const made = make();
  const files = typeof made === "string" ? { index: made } : made;
  writeFileSync(join(dir, "out/client/index.ts"), files.index);
  if (files.types) writeFileSync(join(dir, "out/types.ts"), files.types);
  cases[name] = dir;
}

process.env.GOMAXPROCS = "1";
if (process.env.VARIANT_GOGC) process.env.GOGC = process.env.VARIANT_GOGC;
const typescript = createRequire(import.meta.url).resolve(
  "typescript/package.json",
);
const tsc7 = (
  await import(
    pathToFileURL(join(dirname(typescript), "lib/getExePath.js")).href
  )
).default();
const runs = Number(process.env.VARIANT_RUNS ?? 21);
console.log(
  `typecheck-variants: ${runs} rounds, GOMAXPROCS=1, GOGC=${process.env.GOGC ?? "default"}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);
const cpu = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
const entries = {};
for (let round = 0; round < runs; round++)
  for (const [name, dir] of Object.entries(cases)) {
    const answer = await lspCompletion(tsc7, join(dir, "main.ts"));
    cpu[name].push(answer.cpuMs);
    entries[name] = answer.entries;
  }

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log("| case | entries | mean | median |\n| --- | ---: | ---: | ---: |");
for (const [name, xs] of Object.entries(cpu))
  console.log(
    `| ${name} | ${entries[name]} | ${mean(xs).toFixed(0)} | ${median(xs)} |`,
  );
console.log(
  `load at end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`,
);
