import type { Doc } from "../shared/doc.js";
import type { Body, Keywords, Pointer } from "./context.js";
import {
  arrayConstant,
  block,
  callDoc,
  callLine,
  ifLine,
  ifStatement,
  type Arg,
} from "./layout.js";
import { requiredSplit } from "../toolkit.js";
import { propertyChecks } from "./properties.js";
import { count, isObject, type SubSchema } from "./subschema.js";
import { properties } from "./text.js";

/** The keywords objectChecks reads (body.ts calls it for a schema with one of them). */
export const OBJECT_KEYWORDS = [
  "required",
  "minProperties",
  "maxProperties",
  "dependentRequired",
  "dependentSchemas",
  "properties",
  "patternProperties",
  "additionalProperties",
  "propertyNames",
] as const;

/**
 * required (readOnly properties not required of a request, writeOnly ones not of a response),
 * minProperties, maxProperties, dependentRequired and dependentSchemas on an object `x`, then its
 * members (properties.ts).
 */
export const objectChecks: Keywords = (b, s, x, p, indent) => {
  // required's list is new (never NONE): the rest is pushed onto it
  const out = required(b, s, x, p, indent);
  const minP = count(s.minProperties) && s.minProperties > 0;
  const maxP = count(s.maxProperties);
  if (minP || maxP) {
    const n = b.local("n");
    out.push(`const ${n} = Object.keys(${b.use(x)}).length;`);
    if (minP)
      out.push(
        b.push(
          `${n} < ${s.minProperties}`,
          p,
          "minProperties",
          `must have at least ${properties(s.minProperties as number)}`,
          indent,
        ),
      );
    if (maxP)
      out.push(
        b.push(
          `${n} > ${s.maxProperties}`,
          p,
          "maxProperties",
          `must have at most ${properties(s.maxProperties as number)}`,
          indent,
        ),
      );
  }
  if (isObject(s.dependentRequired as SubSchema))
    for (const [name, needs] of Object.entries(
      s.dependentRequired as Record<string, unknown>,
    )) {
      if (!Array.isArray(needs) || needs.length === 0) continue;
      const names = needs
        .filter((n): n is string => typeof n === "string")
        .map((n) => b.mod.texts.stringLiteral(n));
      out.push(
        ifStatement(
          `r.has(${b.use(x)}, ${b.mod.texts.stringLiteral(name)})`,
          requiredCall(b, x, p, names),
        ),
      );
    }
  if (isObject(s.dependentSchemas as SubSchema))
    for (const [name, sub] of Object.entries(
      s.dependentSchemas as Record<string, SubSchema>,
    )) {
      const lines = b.schema(sub, x, p, indent + 2);
      if (lines.length > 0)
        out.push(
          ...block(
            `if (r.has(${b.use(x)}, ${b.mod.texts.stringLiteral(name)}))`,
            lines,
          ),
        );
    }
  propertyChecks(b, s, x, p, indent, out);
  return out;
};

/** `r.required(x, p, e, names)`. */
function requiredCall(b: Body, x: string, p: Pointer, names: Arg): Doc {
  return callDoc("r.required", [b.use(x), b.at(p), b.use("e"), names]);
}

/** `if (d !== direction) r.required(x, p, e, names);` at `column`. */
function requiredIf(
  b: Body,
  direction: string,
  x: string,
  p: Pointer,
  names: string,
  column: number,
): Doc {
  const cond = `${b.use("d")} !== ${direction}`;
  return ifLine(column, cond, "r.required", [
    b.use(x),
    b.at(p),
    b.use("e"),
    names,
  ]);
}

/**
 * `required`, in three groups: always, not in a request (readOnly), not in a response
 * (writeOnly), as src/model/schema.ts splits them for every emitter.
 */
const required: Keywords = (b, s, x, p, indent) => {
  if (!Array.isArray(s.required)) return [];
  const split = requiredSplit(b.mod.schemas, s, b.mod.allOfLookups.get(s));
  const out: Doc[] = [];
  if (split.always.length > 0) {
    const names = requiredList(b, split.always);
    out.push(
      callLine(indent, "r.required", [b.use(x), b.at(p), b.use("e"), names]),
    );
  }
  // d: 1 is a request, 2 a response (runtime.ts)
  if (split.notInRequest.length > 0) {
    const names = requiredList(b, split.notInRequest);
    out.push(requiredIf(b, "1", x, p, names, indent));
  }
  if (split.notInResponse.length > 0) {
    const names = requiredList(b, split.notInResponse);
    out.push(requiredIf(b, "2", x, p, names, indent));
  }
  return out;
};

/**
 * The RQ constant of a list of names. Its key is the list's JSON, one text made by one call
 * (the same lists, the same key, as their quoted names joined were); the names are quoted only
 * for a new constant, where every object schema quoted each of them to look it up (GitHub: 18,000
 * names, ~1,100 constants).
 */
function requiredList(b: Body, names: readonly string[]): string {
  return b.mod.constant("RQ", JSON.stringify(names), (n) =>
    arrayConstant(
      n,
      names.map((n) => b.mod.texts.stringLiteral(n)),
    ),
  );
}
