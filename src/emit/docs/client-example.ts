import type { ApiModel, Endpoint, Parameter } from "../../model/types.js";
import {
  BINARY,
  bodySample,
  DateSample,
  fitsType,
  PRINT_WIDTH,
  propertyKey,
  revivableExample,
  revivedSample,
  type SampleOptions,
  sampleValue,
  sentContent,
  stringLiteral,
  textWidth,
} from "../toolkit.js";

/**
 * A call of the generated client for an endpoint: `client.<name>({ path, query, headers, body })`
 * with the required parameters and a sample body. Spec text only reaches the code as string
 * literals and quoted property names.
 */
export function clientCallExample(endpoint: Endpoint, model: ApiModel): string {
  const groups: [string, unknown][] = [];
  const options = typedOptions(model);
  const pick = (list: Parameter[], all: boolean) =>
    list
      .filter((p) => all || p.required)
      .map(
        (p) => [p.name, paramSample(p, model, options)] as [string, unknown],
      );
  const path = pick(endpoint.parameters.path, true);
  const query = pick(endpoint.parameters.query, false);
  const headers = pick(endpoint.parameters.header, false);
  if (path.length > 0) groups.push(["path", new Map(path)]);
  if (query.length > 0) groups.push(["query", new Map(query)]);
  if (headers.length > 0) groups.push(["headers", new Map(headers)]);
  // the media type the client sends, the one the body's type describes
  const media = sentContent(endpoint.requestBody?.content ?? [])[0];
  // the spec's own body examples often break its schema; the sample follows the types
  if (endpoint.requestBody)
    groups.push(["body", bodySample(media, model.schemas, options)]);
  return callText(
    `await client.${endpoint.name}(`,
    groups.length > 0 ? new Map(groups) : undefined,
  );
}

const HEAD = "const result =";

/**
 * `const result = await client.name(args);` broken the way prettier breaks it (the object hugs
 * the parentheses when `({` fits, else its own line; the call moves below `const result =` when
 * even `call(` does not fit), written directly: client-example.test.ts compares with print().
 */
export function callText(
  call: string,
  args: ReadonlyMap<string, unknown> | undefined,
): string {
  const width = textWidth(call);
  if (args === undefined)
    return HEAD.length + width + 3 <= PRINT_WIDTH
      ? `${HEAD} ${call});`
      : `${HEAD}\n  ${call});`;
  const out: string[] = [];
  // hugged after `const result = `: up to the `{` fits
  if (HEAD.length + width + 2 <= PRINT_WIDTH) {
    out.push(HEAD, " ", call);
    writeObject(out, [...args], 0);
    out.push(");");
  } else if (HEAD.length + width + 1 <= PRINT_WIDTH) {
    // the call after `const result = `, its object on a line of its own
    out.push(HEAD, " ", call, "\n  ");
    writeObject(out, [...args], 2);
    out.push(",\n);");
  } else if (width + 3 <= PRINT_WIDTH) {
    // the call below `const result =`, the object hugged
    out.push(HEAD, "\n  ", call);
    writeObject(out, [...args], 2);
    out.push(");");
  } else {
    out.push(HEAD, "\n  ", call, "\n    ");
    writeObject(out, [...args], 4);
    out.push(",\n  );");
  }
  return out.join("");
}

/**
 * Samples that fit the generated types: scalar examples of their type only, and with the
 * config's `dates: "Date"` / `int64: "bigint"` a `new Date("…")` / `0n` where the types say so,
 * from an example only when the client would revive it (`"last week"` is no date-time).
 */
function typedOptions(model: ApiModel): SampleOptions {
  return model.scalars
    ? {
        examples: "typed",
        scalars: model.scalars,
        accepts: revivableExample(model.scalars),
      }
    : { examples: "typed" };
}

function paramSample(
  p: Parameter,
  model: ApiModel,
  options: SampleOptions,
): unknown {
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
 * A TypeScript literal starting at `column`, its lines indented by `indent`, laid out as
 * prettier lays out an object written on several lines: objects stay expanded, arrays of plain
 * values go on one line when they fit (with the `,` that follows each value here).
 */
function writeValue(
  out: string[],
  value: unknown,
  indent: number,
  column: number,
): void {
  if (value instanceof Map)
    return writeObject(out, [...value.entries()], indent);
  if (Array.isArray(value)) return writeArray(out, value, indent, column);
  if (isContainer(value))
    return writeObject(out, Object.entries(value), indent);
  out.push(scalarText(value));
}

/** A value that is no container: its one text. */
function scalarText(value: unknown): string {
  if (value === BINARY) return 'new Blob(["…"])';
  if (value instanceof DateSample)
    return `new Date(${stringLiteral(value.text)})`;
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return stringLiteral(value);
  if (value === undefined) return "undefined";
  return (JSON.stringify(value) ?? "undefined").replace("e+", "e");
}

/** An object, always expanded: a member per line, each with its comma. */
function writeObject(
  out: string[],
  entries: readonly [string, unknown][],
  indent: number,
): void {
  if (entries.length === 0) {
    out.push("{}");
    return;
  }
  const inner = indent + 2;
  const newline = "\n" + " ".repeat(inner);
  out.push("{");
  for (let i = 0; i < entries.length; i++) {
    const key = entries[i]![0];
    const v = entries[i]![1];
    const name = propertyKey(key);
    out.push(newline);
    // prettier puts a string that passes 80 columns on its own line, unless the key is short
    if (typeof v === "string" && name.length >= 5) {
      const literal = stringLiteral(v);
      const flat = `${name}: ${literal}`;
      out.push(
        inner + textWidth(flat) + 1 <= PRINT_WIDTH
          ? flat
          : `${name}:\n${" ".repeat(inner + 2)}${literal}`,
      );
    } else if (v instanceof DateSample) {
      // a call that passes 80 columns: its argument on a line of its own
      const literal = stringLiteral(v.text);
      const flat = `${name}: new Date(${literal})`;
      out.push(
        inner + textWidth(flat) + 1 <= PRINT_WIDTH
          ? flat
          : `${name}: new Date(\n${" ".repeat(inner + 2)}${literal},\n${" ".repeat(inner)})`,
      );
    } else {
      const head = `${name}: `;
      out.push(head);
      writeValue(out, v, inner, inner + textWidth(head));
    }
    out.push(",");
  }
  out.push("\n", " ".repeat(indent), "}");
}

/**
 * An array: on one line when its items are plain values (see isFlat) and it fits, with the
 * `,` after it; else an item per line.
 */
function writeArray(
  out: string[],
  value: readonly unknown[],
  indent: number,
  column: number,
): void {
  if (value.length === 0) {
    out.push("[]");
    return;
  }
  if (value.every(isFlat)) {
    const texts = value.map(flatItemText);
    if (!texts.includes(undefined)) {
      const flat = `[${texts.join(", ")}]`;
      if (column + textWidth(flat) + 1 <= PRINT_WIDTH) {
        out.push(flat);
        return;
      }
    }
  }
  const inner = indent + 2;
  const newline = "\n" + " ".repeat(inner);
  out.push("[");
  for (const item of value) {
    out.push(newline);
    writeValue(out, item, inner, inner);
    out.push(",");
  }
  out.push("\n", " ".repeat(indent), "]");
}

/** The one-line text of a plain value (isFlat); undefined for a Map with entries, which breaks. */
function flatItemText(value: unknown): string | undefined {
  if (value instanceof Map) return value.size === 0 ? "{}" : undefined;
  if (Array.isArray(value)) return "[]";
  if (isContainer(value)) return "{}";
  return scalarText(value);
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
