import type { Schema } from "../../model/types.js";
import type { Doc } from "../shared/doc.js";
import { PRINT_WIDTH } from "../shared/literals.js";
import type { Body, Pointer } from "./context.js";
import { block, labelled } from "./layout.js";
import { leafLines, leafProperty } from "./leaf.js";
import { isFalse, isObject, type SubSchema } from "./subschema.js";

/**
 * properties, patternProperties, additionalProperties and propertyNames on an object `x`: each
 * declared property read directly, or, when any of the last three is there, one loop over the
 * object's keys. The statements are pushed onto `out` (objectChecks' list: no list of them
 * copied onto it).
 */
export function propertyChecks(
  b: Body,
  s: Schema,
  x: string,
  p: Pointer,
  indent: number,
  out: Doc[],
): void {
  const declared = isObject(s.properties as SubSchema)
    ? (s.properties as Record<string, SubSchema>)
    : {};
  const loopNeeded =
    (s.additionalProperties !== undefined && s.additionalProperties !== true) ||
    isObject(s.patternProperties as SubSchema) ||
    (s.propertyNames !== undefined && s.propertyNames !== true);
  if (loopNeeded) {
    const loop = keyLoop(b, s, Object.entries(declared), x, p, indent);
    for (let i = 0; i < loop.length; i++) out.push(loop[i]!);
    return;
  }
  const made = b.mod.compact && b.mod.leafReuse ? leafLines(b, p) : undefined;
  // the names, each schema read by its name: no [name, schema] pair made per property
  const names = Object.keys(declared);
  // whether a leaf line recorded what every leaf line reads (x, p's first operand, e): the
  // first one does, the others need not (a Set addition each, ~30,000 of GitHub's ~32,000)
  let leafRead = false;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const sub = declared[name];
    const leaf = b.mod.compact
      ? leafProperty(b, sub, x, p, name, indent, made, leafRead)
      : undefined;
    if (leaf !== undefined) {
      out.push(leaf);
      leafRead = true;
      continue;
    }
    const v = b.local("v");
    const segment = b.mod.texts.memberSegment(name);
    const q = b.member(p, [b.mod.texts.stringLiteral(segment)], [], segment);
    const lines = b.schema(sub, v, q, indent + 2);
    if (lines.length === 0) continue;
    // `const v12 = x[key];` must fit on its line (12: `const `, ` = `, `[];`)
    const key = b.key(
      name,
      PRINT_WIDTH - indent - (12 + v.length + x.length) - 2,
    );
    const read = `const ${v} = ${b.use(x)}[${key}];`;
    // a name Object.prototype has (`constructor`) must be an own property to count
    if (name in Object.prototype)
      out.push(
        ...block(`if (r.has(${x}, ${key}))`, [
          ...(b.reads(v) ? [read] : []),
          ...lines,
        ]),
      );
    // lines.length > 0: block() gives one statement
    else out.push(read, block(`if (${v} !== undefined)`, lines)[0]!);
  }
}

/** The members of an object that needs a walk over its keys. */
function keyLoop(
  b: Body,
  s: Schema,
  properties: [string, SubSchema][],
  x: string,
  p: Pointer,
  indent: number,
): Doc[] {
  const k = b.local("k");
  const v = b.local("v");
  const q = b.member(p, [`"/"`, `r.esc(${k})`], [k]);
  const inner = indent + 4;
  const patterns: [string, Doc[]][] = [];
  const patternTests: string[] = [];
  let unknownPattern = false;
  if (isObject(s.patternProperties as SubSchema))
    for (const [pattern, sub] of Object.entries(
      s.patternProperties as Record<string, SubSchema>,
    )) {
      // named now (constants are numbered in order), written once a statement tests it
      const re = b.mod.regex(pattern, false);
      if (!re) {
        unknownPattern = true; // not compilable: its keys count as matched, nothing checked
        continue;
      }
      patternTests.push(`${re}.test(${k})`);
      patterns.push([re, b.schema(sub, v, q, indent + 4)]);
    }
  const additional = s.additionalProperties as SubSchema;
  const at = indent + (patternTests.length > 0 ? 8 : 6);
  const additionalLines =
    additional === undefined || additional === true || unknownPattern
      ? []
      : isFalse(additional)
        ? [b.push("true", q, "additionalProperties", "must not be present", at)]
        : b.schema(additional, v, q, at);
  const cases: Doc[] = [];
  const bare: string[] = [];
  for (const [name, sub] of properties) {
    const lines = b.schema(sub, v, q, inner + 2);
    if (lines.length === 0) {
      if (additionalLines.length > 0) bare.push(name);
      continue;
    }
    cases.push(
      labelled(`case ${b.mod.texts.stringLiteral(name)}:`, [
        ...lines,
        "break;",
      ]),
    );
  }
  // declared properties with nothing to check: named so that default does not take them
  bare.forEach((name, i) =>
    cases.push(
      labelled(
        `case ${b.mod.texts.stringLiteral(name)}:`,
        i === bare.length - 1 ? ["break;"] : [],
      ),
    ),
  );
  if (additionalLines.length > 0) {
    let otherwise = additionalLines;
    if (patternTests.length > 0) {
      for (const [re] of patterns) b.mod.use(re);
      const matched =
        patternTests.length === 1
          ? `!${patternTests[0]}`
          : `!(${patternTests.join(" || ")})`;
      otherwise = block(`if (${matched})`, additionalLines);
    }
    cases.push(labelled("default:", otherwise));
  }
  const names = b.schema(s.propertyNames as SubSchema, k, q, indent + 2);
  const loop: Doc[] = [...names, ...block(`switch (${k})`, cases)];
  for (const [re, lines] of patterns)
    if (lines.length > 0)
      loop.push(...block(`if (${b.mod.use(re)}.test(${k}))`, lines));
  if (loop.length === 0) return [];
  return block(`for (const ${k} of Object.keys(${b.use(x)}))`, [
    ...(b.reads(v) ? [`const ${v} = ${x}[${k}];`] : []),
    ...loop,
  ]);
}
