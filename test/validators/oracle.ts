import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import { generateSync } from "json-schema-faker";
import { schemaRef } from "../../src/model/schema/ref.js";
// the formats the generated validators check; every other format is ignored on both sides
import { CHECKED_FORMATS } from "../../src/emit/shared/formats.js";
import type { ApiModel, Schema } from "../../src/model/types.js";

const addFormats = addFormatsModule as unknown as (
  ajv: Ajv2020,
  formats: string[],
) => void;

export type Judge = (value: unknown) => boolean;

/**
 * ajv 2020 as the judge of one model's named schemas. The model's schemas sit under
 * `components.schemas` of one document, so `#/components/schemas/X` resolves as in the model.
 * A pattern that needs the looser non-unicode syntax gets an ajv without the `u` flag, as the
 * generated code does; a schema ajv still refuses (not valid JSON Schema) gets no judge.
 */
export function ajvJudges(
  model: ApiModel,
  parts: readonly Schema[] = [],
): Map<string, Judge | Error> {
  const document = {
    $id: "https://apiloom.invalid/model",
    components: { ...modelComponents(model, parts) },
  };
  const instances = [true, false].map((unicodeRegExp) => {
    const ajv = new Ajv2020({
      strict: false,
      allErrors: false,
      logger: false,
      unicodeRegExp,
      ownProperties: true,
      validateFormats: true,
    });
    addFormats(ajv, [...CHECKED_FORMATS]);
    try {
      ajv.addSchema(document);
    } catch {
      // refused as a whole: each schema is tried on its own below
    }
    return ajv;
  });
  const judges = new Map<string, Judge | Error>();
  const refs = [
    ...Object.keys(model.schemas).map((name) => [name, schemaRef(name)]),
    ...parts.map((_, i) => [`#part${i}`, `#/components/parts/${i}`]),
  ];
  for (const [name, pointer] of refs) {
    const ref = `https://apiloom.invalid/model${pointer}`;
    let judge: Judge | Error = new Error("not compiled");
    for (const ajv of instances) {
      try {
        const validate = ajv.compile({ $ref: ref });
        judge = (value) => validate(value) as boolean;
        break;
      } catch (error) {
        judge = error as Error;
      }
    }
    judges.set(name!, judge);
  }
  return judges;
}

/** Valid-looking samples from json-schema-faker (they are judged like every other value). */
export function fakerSamples(
  model: ApiModel,
  name: string,
  count: number,
  parts: readonly Schema[] = [],
): unknown[] {
  const root = {
    $ref: name.startsWith("#part")
      ? `#/components/parts/${name.slice(5)}`
      : schemaRef(name),
    components: modelComponents(model, parts),
  };
  const out: unknown[] = [];
  for (let seed = 1; seed <= count; seed++) {
    try {
      out.push(
        generateSync(root as never, {
          seed,
          maxDepth: 4,
          refDepthMax: 3,
          alwaysFakeOptionals: seed % 2 === 0,
          maxDefaultItems: 3,
        }),
      );
    } catch {
      // a schema the faker cannot sample: the other values still test it
    }
  }
  return out;
}

function modelComponents(model: ApiModel, parts: readonly Schema[]) {
  return {
    schemas: Object.fromEntries(
      Object.entries(model.schemas).map(([n, s]) => [n, s.schema]),
    ),
    parts: Object.fromEntries(parts.map((s, i) => [String(i), s])),
  };
}

/** Mutations meant to break a valid value: wrong types, missing or extra members, ranges. */
export function mutations(value: unknown, seed: number): unknown[] {
  const random = seeded(seed);
  const out: unknown[] = [];
  const paths = pathsOf(value, 4);
  const replacements: unknown[] = [
    null,
    "",
    "text",
    -1,
    0.5,
    1e9,
    true,
    [],
    {},
    ["x", "x"],
    "2024-13-45",
    "not an email",
  ];
  for (let i = 0; i < 8 && paths.length > 0; i++) {
    const path = paths[Math.floor(random() * paths.length)]!;
    const pick = Math.floor(random() * (replacements.length + 3));
    const copy = structuredClone(value);
    if (pick === replacements.length) {
      out.push(removeAt(copy, path) ?? copy);
    } else if (pick === replacements.length + 1) {
      const target = getAt(copy, path);
      if (isRecord(target)) target["unexpected_member"] = 1;
      else if (Array.isArray(target)) target.push(target[0] ?? null);
      out.push(copy);
    } else if (pick === replacements.length + 2) {
      const target = getAt(copy, path);
      out.push(
        setAt(
          copy,
          path,
          typeof target === "number"
            ? target * 1000 + 1
            : typeof target === "string"
              ? target + target + "~/".repeat(40)
              : target,
        ),
      );
    } else out.push(setAt(copy, path, replacements[pick]));
  }
  return out;
}

/** A few object keys schemas often declare, or any short key. */
const ARBITRARY_KEY = fc.oneof(
  fc.constantFrom("id", "name", "type", "kind", "status", "created_at"),
  fc.string({ maxLength: 6 }),
);

/**
 * Any JSON value. Built once: an arbitrary holds no state, so `fc.sample` with a seed gives the
 * same values from this one as from a fresh copy (building it took most of a call's time).
 */
const ARBITRARY_JSON = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -5, max: 1000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 10 }),
    fc.array(tie("json"), { maxLength: 3 }),
    fc.dictionary(ARBITRARY_KEY, tie("json"), { maxKeys: 4 }),
  ),
})).json;

/** Arbitrary JSON values from fast-check, with a few object keys schemas often declare. */
export function arbitraryValues(seed: number, count: number): unknown[] {
  return fc.sample(ARBITRARY_JSON, { seed, numRuns: count });
}

type Path = (string | number)[];

function pathsOf(value: unknown, depth: number, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (depth === 0) return out;
  if (Array.isArray(value))
    value.forEach((v, i) => out.push(...pathsOf(v, depth - 1, [...at, i])));
  else if (isRecord(value))
    for (const [k, v] of Object.entries(value))
      out.push(...pathsOf(v, depth - 1, [...at, k]));
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function getAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path)
    current = (current as Record<string | number, unknown>)?.[key];
  return current;
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const parent = getAt(value, path.slice(0, -1)) as Record<
    string | number,
    unknown
  >;
  Object.defineProperty(parent, path[path.length - 1]!, {
    value: replacement,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return value;
}

function removeAt(value: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parent = getAt(value, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else if (isRecord(parent)) delete parent[key as string];
  return value;
}

/** mulberry32: a small deterministic generator. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type { Schema };
