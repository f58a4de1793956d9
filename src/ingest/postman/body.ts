import type { Path } from "../../model/pointer.js";
import type {
  BodySignal,
  MediaContent,
  RequestBody,
  Schema,
} from "../../model/types.js";
import { isRecord, jsonValue, valueAt } from "../reader.js";
import type { PostmanContext } from "./context.js";
import { type KeyValue, keyValues } from "./fields.js";
import {
  holdsTypedPlaceholder,
  inferSchema,
  typedPlaceholder,
} from "./typed-placeholder.js";
import { mediaTypeOfLanguage } from "./media.js";
import { isJsonMediaType } from "../../model/media-types.js";
import { exampleValue } from "./url.js";
import {
  fits,
  MAX_INFERRED_CHARS,
  MAX_SAMPLE_CHARS,
  textSample,
} from "./sample.js";
import { setOwn } from "../../model/own-property.js";
import { asInferred } from "../../model/inferred-schema.js";
import type { VariableScope } from "./variables.js";

const BINARY: Schema = { type: "string", format: "binary" };
const MODES = ["raw", "urlencoded", "formdata", "file", "graphql"] as const;
/** The media type each body mode but raw sends. */
const MODE_MEDIA_TYPES = {
  urlencoded: "application/x-www-form-urlencoded",
  formdata: "multipart/form-data",
  file: "application/octet-stream",
  graphql: "application/json",
} as const;

/**
 * The request body of a Postman request, or, when it sends none that can be read, what it still
 * says about one (`bodySignal`). `contentType` (the Content-Type header) types raw and file bodies
 * only; the other modes fix their own. Bare `{{var}}`s in a JSON body take the variable's value.
 */
export function readBody(
  body: unknown,
  at: Path,
  contentType: string | undefined,
  pc: PostmanContext,
): RequestBody | BodySignal | undefined {
  const mode = modeOf(body);
  const sent = body as Record<string, unknown>;
  const content: MediaContent | undefined =
    mode === "raw"
      ? rawContent(sent, at, contentType, pc)
      : mode === "urlencoded" || mode === "formdata"
        ? formContent(keyValues(sent[mode], [...at, mode]), mode)
        : mode === "file"
          ? {
              mediaType: contentType ?? MODE_MEDIA_TYPES.file,
              schema: { ...BINARY },
            }
          : mode === "graphql"
            ? graphqlContent(sent.graphql)
            : undefined;
  if (content === undefined) return bodySignal(sent, mode, at, contentType, pc);
  return { required: true, content: [content], sources: [pc.ref(at)] };
}

/** Raw text; an empty raw body (exports write `{"mode": "raw"}` on every GET) is no body. */
function rawContent(
  body: Record<string, unknown>,
  at: Path,
  contentType: string | undefined,
  pc: PostmanContext,
): MediaContent | undefined {
  const text = typeof body.raw === "string" ? body.raw : "";
  if (text.trim() === "") return undefined;
  const mediaType = contentType ?? languageType(body) ?? "text/plain";
  if (!isJsonMediaType(mediaType)) {
    const content: MediaContent = {
      mediaType,
      examples: [textSample(text, "the raw body", [...at, "raw"], pc)],
    };
    if (mediaType.startsWith("text/")) content.schema = { type: "string" };
    return content;
  }
  const what = `the ${mediaType} body`;
  if (!fits(text, MAX_INFERRED_CHARS, what, [...at, "raw"], pc))
    return { mediaType };
  const parsed = parseJsonTemplate(text, pc.variables);
  if (parsed === undefined) {
    pc.reporter.report(
      "postman/invalid-json-body",
      `the ${mediaType} body is not valid JSON; it is kept without an example`,
      pc.ref([...at, "raw"]),
    );
    return { mediaType };
  }
  const content: MediaContent = {
    mediaType,
    schema: inferSchema(parsed.value),
  };
  // a body with variables of unknown value or typed stand-ins (`"<long>"`) is a template
  if (
    parsed.unknownVariables.length === 0 &&
    !holdsTypedPlaceholder(parsed.value) &&
    fits(text, MAX_SAMPLE_CHARS, what, [...at, "raw"], pc)
  )
    content.examples = [{ value: parsed.value }];
  return content;
}

/** One string property per field (a binary one for a formdata file field); values are the example. */
function formContent(fields: KeyValue[], mode: "urlencoded" | "formdata") {
  if (fields.length === 0) return undefined;
  const properties: Record<string, Schema> = {};
  const example: Record<string, string> = {};
  for (const field of fields) {
    if (Object.hasOwn(properties, field.key)) continue;
    const isFile =
      mode === "formdata" &&
      (field.type === "file" ||
        (field.raw.src !== undefined && field.type !== "text"));
    // `src: ["/a", "/b"]`: one field, several files
    const property: Schema = !isFile
      ? (typedPlaceholder(field.value) ?? { type: "string" })
      : Array.isArray(field.raw.src)
        ? { type: "array", items: { ...BINARY } }
        : { ...BINARY };
    if (field.description !== undefined)
      property.description = field.description;
    setOwn(properties, field.key, property);
    const value = isFile ? undefined : exampleValue(field.value);
    if (value !== undefined) setOwn(example, field.key, value);
  }
  const content: MediaContent = {
    mediaType: MODE_MEDIA_TYPES[mode],
    schema: asInferred({ type: "object", properties }),
  };
  if (Object.keys(example).length > 0) content.examples = [{ value: example }];
  return content;
}

/** A GraphQL request goes out as JSON: `{query, variables}` (a guess, as a raw body's is). */
function graphqlContent(graphql: unknown): MediaContent | undefined {
  if (!isRecord(graphql)) return undefined;
  const query = typeof graphql.query === "string" ? graphql.query : "";
  if (query.trim() === "") return undefined;
  const example: Record<string, unknown> = { query };
  const variables =
    typeof graphql.variables === "string"
      ? jsonValue(graphql.variables)?.value
      : graphql.variables;
  if (isRecord(variables)) example.variables = variables;
  return {
    mediaType: MODE_MEDIA_TYPES.graphql,
    schema: { ...inferSchema({ query, variables: {} }), required: ["query"] },
    examples: [{ value: example }],
  };
}

/**
 * What a request that sends no readable body still says about one: its body mode (an empty raw
 * body, an empty form) or its Content-Type header; model/merge/undescribed-body.ts weighs it.
 */
function bodySignal(
  body: Record<string, unknown>,
  mode: string | undefined,
  at: Path,
  contentType: string | undefined,
  pc: PostmanContext,
): BodySignal | undefined {
  if (mode === undefined && contentType === undefined) return undefined;
  const mediaType =
    contentType ??
    (mode === "raw" ? languageType(body) : undefined) ??
    (valueAt(MODE_MEDIA_TYPES, [mode ?? ""]) as string | undefined);
  return {
    mediaTypes: mediaType === undefined ? [] : [mediaType],
    required: false,
    evidence:
      mode !== undefined
        ? `Postman body mode ${JSON.stringify(mode)}`
        : "a Content-Type header",
    source: pc.ref(mode !== undefined ? at : at.slice(0, -1)),
  };
}

/** A sent body's mode: its `mode`, else the first mode it has a member for. */
function modeOf(body: unknown): string | undefined {
  if (!isRecord(body) || body.disabled === true) return undefined;
  return typeof body.mode === "string"
    ? body.mode
    : MODES.find((m) => body[m] !== undefined);
}

/** The media type a raw body's `options.raw.language` names. */
function languageType(body: Record<string, unknown>): string | undefined {
  return mediaTypeOfLanguage(valueAt(body, ["options", "raw", "language"]));
}

const BARE = /^\{\{([^{}]+)\}\}/;

/**
 * Parses a JSON body that may hold bare variables outside strings (`{"version": {{v}}}`): each
 * becomes its variable's value when that is JSON (`"3"` → 3), else `null` (in `unknownVariables`),
 * which the inferred schema leaves unconstrained. Undefined when the text is not JSON even so.
 */
function parseJsonTemplate(text: string, variables: VariableScope) {
  let out = "";
  const unknownVariables: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === "\\") out += text[++i] ?? "";
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    const bare = ch === "{" ? BARE.exec(text.slice(i, i + 1024)) : null;
    if (!bare) {
      out += ch;
      continue;
    }
    const name = bare[1]!;
    const raw = variables.valueOf(name);
    const json = raw === undefined ? undefined : jsonValue(raw);
    if (json === undefined) {
      out += "null";
      if (!unknownVariables.includes(name)) unknownVariables.push(name);
    } else out += JSON.stringify(json.value);
    i += bare[0].length - 1;
  }
  const parsed = jsonValue(out);
  return parsed && { value: parsed.value, unknownVariables };
}
