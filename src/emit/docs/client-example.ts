import type { ApiModel, Endpoint, Parameter } from "../../model/types.js";
import {
  BINARY,
  bodySample,
  DateSample,
  fieldlessForm,
  fitsType,
  conditionalGroup,
  type Doc,
  group,
  indent,
  items,
  line,
  print,
  propertyKey,
  REQUEST_PARTS,
  revivableExample,
  revivedSample,
  type SampleOptions,
  sampleValue,
  sentAsGiven,
  sentContent,
  softline,
  stringLiteral,
  textWidth,
} from "../toolkit.js";

/**
 * A call of the generated client for an endpoint with its required parameters and a sample body;
 * spec text reaches the code only as string literals and quoted property names.
 */
export function clientCallExample(endpoint: Endpoint, model: ApiModel): string {
  const groups: [string, unknown][] = [];
  // samples that fit the generated types: scalar examples of their type only, and with the
  // config's `dates: "Date"` / `int64: "bigint"` a `new Date("…")` / `0n` where the types say so,
  // from an example only when the client would revive it (`"last week"` is no date-time)
  const options: SampleOptions = {
    examples: "typed",
    scalars: model.scalars,
    accepts: revivableExample(model.scalars),
  };
  for (const [location, part] of REQUEST_PARTS) {
    const picked = endpoint.parameters[location].filter(
      (p) => location === "path" || p.required,
    );
    if (location !== "cookie" && picked.length > 0)
      groups.push([
        part,
        new Map(picked.map((p) => [p.name, paramSample(p, model, options)])),
      ]);
  }
  const media = sentContent(endpoint.requestBody?.content ?? [])[0];
  // the spec's own body examples often break its schema; the sample follows the types
  if (endpoint.requestBody)
    groups.push([
      "body",
      media && fieldlessForm(media, model.schemas) === "FormData"
        ? FORM_DATA
        : media && sentAsGiven(media, model.schemas)
          ? BINARY
          : bodySample(media, model.schemas, options),
    ]);
  return callText(
    `await client.${endpoint.name}(`,
    groups.length > 0 ? new Map(groups) : undefined,
  );
}

/** The sample of a multipart body whose schema names no fields: the FormData its caller fills. */
const FORM_DATA = Object.freeze({});

/**
 * `const result = await client.name(args);` laid out as prettier lays it out: the object hugs the
 * parentheses when `({` fits, else takes its own line; the call moves below `const result =`
 * when even `call(` does not fit.
 */
export function callText(
  call: string,
  args: ReadonlyMap<string, unknown> | undefined,
): string {
  const head = "const result =";
  if (args === undefined)
    return print([head, group(indent([line, `${call})`])), ";"]);
  const object = valueDoc(args);
  const ownLine = [call, indent([softline, object, ","]), softline, ")"];
  const hugged = conditionalGroup([[call, object, ")"], ownLine]);
  return print([
    head,
    conditionalGroup([
      [" ", hugged],
      [" ", group(ownLine, true)],
      indent([line, hugged]),
    ]),
    ";",
  ]);
}

function paramSample(p: Parameter, model: ApiModel, options: SampleOptions) {
  if (
    p.example !== undefined &&
    fitsType(p.example, p.schema) &&
    (p.schema === undefined || (options.accepts?.(p.example, p.schema) ?? true))
  )
    return revivedSample(p.example, p.schema, model.scalars);
  const value = sampleValue(p.schema, model.schemas, options);
  return value === "string" ? p.name : value;
}

/**
 * A TypeScript literal laid out as prettier lays out an object written on several lines: objects
 * stay expanded, arrays of plain values go on one line when they fit.
 */
function valueDoc(value: unknown): Doc {
  if (value === FORM_DATA) return "new FormData()";
  if (value instanceof Map) return objectDoc([...value.entries()]);
  if (Array.isArray(value))
    return group(["[", items(value.map(valueDoc)), "]"], !value.every(isFlat));
  if (value instanceof DateSample)
    return group(["new Date(", items([stringLiteral(value.text)]), ")"]);
  if (isContainer(value)) return objectDoc(Object.entries(value));
  if (value === BINARY) return 'new Blob(["…"])';
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return stringLiteral(value);
  if (value === undefined) return "undefined";
  return (JSON.stringify(value) ?? "undefined").replace("e+", "e");
}

/** An object, always expanded; a string too long for its line goes below a key of 5 columns or more. */
function objectDoc(entries: readonly [string, unknown][]): Doc {
  if (entries.length === 0) return "{}";
  const members = entries.map(([key, v]): Doc => {
    const name = propertyKey(key);
    if (typeof v === "string" && textWidth(name) >= 5)
      return group([`${name}:`, indent([line, stringLiteral(v)])]);
    return [`${name}: `, valueDoc(v)];
  });
  return group(["{", items(members, { spaced: true }), "}"], true);
}

/** Plain values and empty containers: what prettier can keep on one line inside an array. */
function isFlat(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (isContainer(value)) return Object.keys(value).length === 0;
  return typeof value !== "function";
}

/** An object written as `{…}`: not a file's or a date's sample, which are one expression. */
function isContainer(value: unknown): value is object {
  return (
    typeof value === "object" &&
    value !== null &&
    value !== BINARY &&
    !(value instanceof DateSample)
  );
}
