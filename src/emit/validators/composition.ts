import { allOfPropertyLookup, discriminatorCases } from "../toolkit.js";
import type { Schema } from "../../model/types.js";
import type { Doc } from "../shared/doc.js";
import { type Body, type Keywords, Pointer } from "./context.js";
import {
  arrayConstant,
  bindStatement,
  block,
  callDoc,
  callStatement,
  ifStatement,
} from "./layout.js";
import { isBareRef, isObject, isTrivial, type SubSchema } from "./subschema.js";

/**
 * The keywords that make composition write something (body.ts calls it for a schema with one of
 * them; then and else count only beside if).
 */
export const COMPOSITION_KEYWORDS = [
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
] as const;

/**
 * allOf (inline), anyOf and oneOf (`r.matches` over their hoisted branches, with OpenAPI's
 * discriminator as a fast path), not and if/then/else (`r.passes` of a hoisted branch).
 */
export const composition: Keywords = (b, s, x, path, indent) => {
  const out: Doc[] = [];
  let p = path;
  // the pointer goes into conditions below: a built one is bound to a local first, so they stay
  // short (written only if a statement reads it)
  const conditional =
    (Array.isArray(s.anyOf) && s.anyOf.length > 0) ||
    (Array.isArray(s.oneOf) && s.oneOf.length > 0) ||
    s.not !== undefined ||
    s.if !== undefined;
  let local: string | undefined;
  if (conditional && path.built) {
    local = b.local("p");
    p = new Pointer([local], [local]);
  }
  const allOf = s.allOf;
  if (Array.isArray(allOf))
    allOf.forEach((sub, i) => {
      // a member's `required` may name members its siblings declare (readOnly ones among them)
      if (isObject(sub))
        b.mod.allOfLookups.set(
          sub,
          allOfPropertyLookup(b.mod.schemas, allOf, i),
        );
      out.push(...b.schema(sub, x, p, indent));
    });
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const list = s[keyword];
    if (!Array.isArray(list) || list.length === 0) continue;
    const members = list as SubSchema[];
    if (keyword === "anyOf" && members.some(isTrivial)) continue;
    const checks = members.map((m) => b.hoist(m));
    const set = b.mod.constant("OF", checks.join(","), (n) =>
      arrayConstant(n, checks),
    );
    const at = `${b.use(x)}, ${b.pointerText(p)}, ${b.use("d")}`;
    const failed =
      keyword === "anyOf"
        ? `r.matches(${set}, ${at}, 1) < 1`
        : `r.matches(${set}, ${at}, 2) !== 1`;
    const message =
      keyword === "anyOf"
        ? "must match a schema in anyOf"
        : "must match exactly one schema in oneOf";
    const picked = discriminator(b, s, keyword, members);
    if (!picked) {
      out.push(b.push(failed, p, keyword, message, indent));
      continue;
    }
    const c = b.local("c");
    out.push(
      callStatement(`const ${c} = `, "r.discriminate", [
        b.use(x),
        b.mod.texts.stringLiteral(picked.property),
        picked.values,
        picked.checks,
      ]),
      `if (${c}) ${c}(${x}, ${b.pointerText(p)}, ${b.use("e")}, ${b.use("d")});`,
      ["else ", b.push(failed, p, keyword, message)],
    );
  }
  if (s.not !== undefined) {
    const check = b.hoist(s.not as SubSchema);
    const cond =
      check === "r.accept"
        ? "true"
        : `r.passes(${check}, ${b.use(x)}, ${b.pointerText(p)}, ${b.use("d")})`;
    out.push(
      b.push(cond, p, "not", "must not match the schema in not", indent),
    );
  }
  out.push(...conditionals(b, s, x, p, indent));
  if (local !== undefined && b.reads(local))
    out.unshift(bindStatement(local, b.at(path)));
  return out;
};

/** if/then/else: `if (r.passes(…))` around then, else around otherwise. */
const conditionals: Keywords = (b, s, x, p, indent) => {
  if (s.if === undefined || (s.then === undefined && s.else === undefined))
    return [];
  const check = b.hoist(s.if as SubSchema);
  const then = b.schema(s.then as SubSchema, x, p, indent + 2);
  const otherwise = b.schema(s.else as SubSchema, x, p, indent + 2);
  if (then.length === 0 && otherwise.length === 0) {
    b.unhoist(check); // nothing depends on the condition
    return [];
  }
  const cond = `r.passes(${check}, ${b.use(x)}, ${b.pointerText(p)}, ${b.use("d")})`;
  if (then.length === 0) return block(`if (!${cond})`, otherwise);
  const [thenBlock] = block(`if (${cond})`, then) as [Doc];
  return otherwise.length === 0
    ? [thenBlock]
    : [[thenBlock, " else", ...block("", otherwise)]];
};

/**
 * OpenAPI's discriminator as a fast path (OpenAPI 3.1 §4.8.25): the named property's value
 * picks the one member to check, by the values src/model/schema.ts gives each schema (the
 * mapping, else the member's own const/enum, else its name; the types use the same). Values it
 * does not know fall back to plain anyOf/oneOf.
 */
function discriminator(
  b: Body,
  s: Schema,
  keyword: "anyOf" | "oneOf",
  members: SubSchema[],
): { property: string; values: string[]; checks: string[] } | undefined {
  const cases = discriminatorCases(b.mod.schemas, s);
  if (!cases) return undefined;
  const byValue = new Map<string, string>();
  for (const c of cases) {
    // a member with more than its reference (a sibling keyword) is more than the named check
    if (c.from !== "mapping") {
      if (c.from.keyword !== keyword) continue;
      const m = members[c.from.index];
      if (!isObject(m) || !isBareRef(m)) continue;
    }
    const check = b.mod.lookupRef(c.ref);
    if (check && !byValue.has(c.value)) byValue.set(c.value, check);
  }
  if (byValue.size === 0) return undefined;
  return {
    property: s.discriminator!.propertyName,
    values: [...byValue.keys()].map((v) => b.mod.texts.stringLiteral(v)),
    checks: [...byValue.values()].map((check) => b.mod.useCheck(check)),
  };
}
