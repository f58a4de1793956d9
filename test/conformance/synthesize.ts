/*
 * Arguments for every endpoint of a model, made from its schemas: examples, defaults and enums
 * first; every required member filled, optional ones too (one level deep) so their serialization
 * is exercised; free strings hold the characters that need escaping somewhere.
 */
import { sentMediaType } from "../../src/emit/shared/media-types.js";
import { headerParameters } from "../../src/emit/type-index/endpoint-types.js";
import type {
  ApiModel,
  Endpoint,
  Parameter,
  Schema,
} from "../../src/model/types.js";

export const HOSTILE_TEXT = "a b+c/d?e#f&g=h%i;j,k é";

const FORMAT_VALUES: Record<string, unknown> = {
  "date-time": "2024-05-06T07:08:09Z",
  date: "2024-05-06",
  time: "07:08:09Z",
  uuid: "0b9f1e7e-3c1a-4c7e-9b1e-2f4a5c6d7e8f",
  email: "ann@example.com",
  uri: "https://example.com/a?b=c",
  url: "https://example.com/a?b=c",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  byte: "aGVsbG8=",
  int32: 7,
  int64: 7,
};

export class Synthesizer {
  /** Whether a `format: binary` string is a `Blob` (multipart, raw bodies) or text (JSON, url-encoded). */
  private blobs = true;

  constructor(private readonly model: ApiModel) {}

  private resolve(
    schema: Schema | undefined,
    seen = new Set<string>(),
  ): Schema {
    let current = schema ?? {};
    while (current.$ref !== undefined) {
      if (seen.has(current.$ref)) return {};
      seen.add(current.$ref);
      const name = current.$ref.replace(/^#\/components\/schemas\//, "");
      current = this.model.schemas[name]?.schema ?? {};
    }
    return current;
  }

  /** A value valid for `schema` (as far as the common keywords go). */
  value(input: Schema | undefined, depth = 0, text = HOSTILE_TEXT): unknown {
    const schema = this.resolve(input);
    if (schema.const !== undefined) return schema.const;
    if (Array.isArray(schema.enum)) {
      const found = schema.enum.find((v) => v !== null);
      if (found !== undefined) return found;
    }
    if (Array.isArray(schema.examples) && schema.examples[0] !== undefined)
      return schema.examples[0];
    if (schema.example !== undefined) return schema.example;
    if (schema.default !== undefined && schema.default !== null)
      return schema.default;
    if (schema.allOf) {
      const merged: Record<string, unknown> = {};
      for (const part of schema.allOf) {
        const v = this.value(part, depth + 1, text);
        if (typeof v === "object" && v !== null && !Array.isArray(v))
          Object.assign(merged, v);
      }
      const own = this.object(schema, depth, text);
      return { ...merged, ...(own as object) };
    }
    const alternatives = schema.oneOf ?? schema.anyOf;
    if (alternatives && alternatives.length > 0)
      return this.value(alternatives[0], depth + 1, text);
    const types = (
      Array.isArray(schema.type)
        ? schema.type
        : schema.type
          ? [schema.type]
          : []
    ).filter((t) => t !== "null");
    const type =
      types[0] ??
      (schema.properties ? "object" : schema.items ? "array" : "string");
    switch (type) {
      case "integer": {
        const min = typeof schema.minimum === "number" ? schema.minimum : 1;
        return Math.ceil(min);
      }
      case "number":
        return typeof schema.minimum === "number" ? schema.minimum : 1.5;
      case "boolean":
        return true;
      case "array": {
        if (depth > 3) return [];
        const count =
          typeof schema.minItems === "number"
            ? Math.max(schema.minItems, 2)
            : 2;
        const max =
          typeof schema.maxItems === "number" ? schema.maxItems : count;
        const items = this.resolve(schema.items);
        const values = Array.from({ length: Math.min(count, max) }, (_, i) =>
          this.value(items, depth + 1, i === 0 ? text : "two"),
        );
        // uniqueItems with one enum value, say: keep what is distinct
        return schema.uniqueItems
          ? [...new Map(values.map((v) => [JSON.stringify(v), v])).values()]
          : values;
      }
      case "object":
        return this.object(schema, depth, text);
      default:
        return this.string(schema, text);
    }
  }

  private object(
    schema: Schema,
    depth: number,
    text: string,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const required = new Set(schema.required ?? []);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const resolved = this.resolve(property);
      if (resolved.readOnly) continue;
      if (!required.has(name) && depth > 1) continue;
      out[name] = this.value(property, depth + 1, text);
    }
    return out;
  }

  private string(schema: Schema, text: string): unknown {
    if (schema.format === "binary")
      return this.blobs
        ? new Blob(["bytes é"], { type: "application/octet-stream" })
        : "bytes é";
    const known = schema.format ? FORMAT_VALUES[schema.format] : undefined;
    if (known !== undefined)
      return typeof known === "string" ? known : String(known);
    // a pattern cannot be satisfied in general: letters and digits satisfy the usual ones
    let out = schema.pattern ? "abc1234" : text;
    if (typeof schema.maxLength === "number")
      out = out.slice(0, schema.maxLength);
    if (typeof schema.minLength === "number")
      while (out.length < schema.minLength) out += "x";
    return out;
  }

  /** The arguments of one endpoint's client function. */
  args(endpoint: Endpoint): Record<string, unknown> {
    const args: Record<string, unknown> = {};
    const group = (parameters: Parameter[]) => {
      const out: Record<string, unknown> = {};
      for (const p of parameters) {
        const value =
          p.example !== undefined
            ? p.example
            : this.value(p.schema, 0, HOSTILE_TEXT);
        if (value instanceof Blob) continue;
        out[p.name] = value;
      }
      return out;
    };
    const { path, query, cookie } = endpoint.parameters;
    if (path.length > 0) args.path = group(path);
    if (query.length > 0) args.query = group(query);
    const headers = headerParameters(endpoint);
    // header values cannot hold every character: plain text there
    if (headers.length > 0) {
      const out: Record<string, unknown> = {};
      for (const p of headers)
        out[p.name] = p.example ?? this.value(p.schema, 0, "plain-text");
      args.headers = out;
    }
    if (cookie.length > 0) args.cookies = group(cookie);
    const body = endpoint.requestBody;
    // every body the client takes is sent, an optional one no source describes too (only
    // signalled, see model/undescribed-body): Prism, reading a spec that declares no body there,
    // refuses it when the evidence was not worth a body (issue 24 L)
    if (body) {
      const mediaType = sentMediaType(body.content);
      const media = body.content.find((c) => c.mediaType === mediaType);
      const example = media?.examples?.[0]?.value;
      if (example !== undefined) args.body = example;
      else if (
        mediaType &&
        /^(text\/|application\/(octet-stream|x-tar))/.test(mediaType)
      )
        args.body = mediaType.startsWith("text/")
          ? "text"
          : new Blob(["bytes"]);
      else {
        this.blobs = !/json|x-www-form-urlencoded/i.test(mediaType ?? "");
        args.body = this.value(media?.schema, 0, HOSTILE_TEXT);
        this.blobs = true;
      }
    }
    return args;
  }
}
