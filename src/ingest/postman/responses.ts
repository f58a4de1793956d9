import { freeName } from "../../model/identifiers.js";
import type { Path } from "../../model/pointer.js";
import type { ApiResponse, Example, MediaContent } from "../../model/types.js";
import { isRecord, jsonValue } from "../reader.js";
import type { PostmanContext } from "./context.js";
import { keyValues, scalarText } from "./fields.js";
import { isInferred, mergeInferred } from "../../model/inferred-schema.js";
import { holdsTypedPlaceholder, inferSchema } from "./typed-placeholder.js";
import {
  fits,
  MAX_INFERRED_CHARS,
  MAX_SAMPLE_CHARS,
  textSample,
} from "./sample.js";
import { mediaType, mediaTypeOfLanguage } from "./media.js";
import { addAccepted, isJsonMediaType } from "../../model/media-types.js";
import { registeredReason, statusOfReason } from "../../model/http-status.js";

/**
 * Saved example responses (`response`, or the pre-2.0 `responses`): one per status, in order of
 * first appearance, each saved one an example; Accept's media types go to the successes, as a
 * document's `Accept` parameter's do (without any saved, they make a `default`).
 */
export function readResponses(
  item: Record<string, unknown>,
  at: Path,
  accept: string[],
  pc: PostmanContext,
): ApiResponse[] {
  const field = Array.isArray(item.response) ? "response" : "responses";
  const list = Array.isArray(item[field]) ? (item[field] as unknown[]) : [];
  const byStatus = new Map<string, ApiResponse>();
  list.forEach((saved, index) => {
    if (!isRecord(saved)) return;
    const path = [...at, field, index];
    const status = statusOf(saved);
    if (!byStatus.has(status))
      byStatus.set(status, {
        status,
        description: descriptionOf(saved, status),
        content: [],
        sources: [],
      });
    const response = byStatus.get(status)!;
    response.sources.push(pc.ref(path));
    // an empty saved body names no media type (converters label a bare 204 `text/plain`)
    const { type, example, schemaOnly } = savedBody(saved, path, pc);
    if (type === undefined) return;
    let content = response.content.find((c) => c.mediaType === type);
    if (!content) response.content.push((content = { mediaType: type }));
    if (example) addExample(content, example, saved.name, schemaOnly);
  });
  const responses = [...byStatus.values()];
  if (responses.length === 0 && accept.length > 0)
    responses.push({
      status: "default",
      description: "Default response",
      content: accept.map((t) => ({ mediaType: t })),
      sources: [pc.ref(at)],
    });
  else addAccepted(responses, accept);
  return responses;
}

/** `code` (a number or a string), else the status its `status` text names, else `default`. */
function statusOf(saved: Record<string, unknown>): string {
  const code = scalarText(saved.code)?.trim();
  if (code !== undefined && /^[1-5]\d\d$/.test(code)) return code;
  const fromText =
    typeof saved.status === "string" ? statusOfReason(saved.status) : undefined;
  return fromText ?? "default";
}

function descriptionOf(saved: Record<string, unknown>, status: string): string {
  if (typeof saved.status === "string" && saved.status.trim() !== "")
    return saved.status.trim();
  return (
    registeredReason(status) ??
    (typeof saved.name === "string" && saved.name.trim() !== ""
      ? saved.name
      : "Response")
  );
}

/** The saved body and its media type: Content-Type header, else the preview language, else a guess. */
function savedBody(
  saved: Record<string, unknown>,
  path: Path,
  pc: PostmanContext,
): {
  type?: string;
  /** Its value, and a cut text's summary. */
  example?: Example;
  /** The JSON body is too long to be an example: it gives its schema only. */
  schemaOnly?: boolean;
} {
  let type = keyValues(saved.header, [...path, "header"])
    .filter((h) => h.key.trim().toLowerCase() === "content-type")
    .map((h) => (h.disabled ? undefined : mediaType(h.value)))
    .find((t) => t !== undefined);
  type ??= mediaTypeOfLanguage(saved._postman_previewlanguage);
  const text = typeof saved.body === "string" ? saved.body : "";
  if (text.trim() === "") return {};
  const at = [...path, "body"];
  const what = "the saved response's body";
  if (type === undefined || isJsonMediaType(type)) {
    // a body declared JSON and too long is not parsed; an undeclared one is then read as text
    if (type !== undefined && !fits(text, MAX_INFERRED_CHARS, what, at, pc))
      return { type };
    const parsed =
      text.length > MAX_INFERRED_CHARS ? undefined : jsonValue(text);
    if (parsed !== undefined)
      return {
        type: type ?? "application/json",
        example: { value: parsed.value },
        schemaOnly: !fits(text, MAX_SAMPLE_CHARS, what, at, pc),
      };
  }
  return {
    type: type ?? "text/plain",
    example: textSample(text, what, at, pc),
  };
}

function addExample(
  content: MediaContent,
  saved: Example,
  name: unknown,
  schemaOnly?: boolean,
): void {
  const { value } = saved;
  if (isJsonMediaType(content.mediaType) && typeof value !== "string") {
    // several saved responses of one status: every one fits the schema
    const guess = inferSchema(value);
    if (content.schema === undefined) content.schema = guess;
    else if (isInferred(content.schema))
      content.schema = mergeInferred([content.schema, guess]);
  }
  // typed stand-ins (`"<long>"`, written by converters) make a template, not an example
  if (schemaOnly || holdsTypedPlaceholder(value)) return;
  const examples = (content.examples ??= []);
  const example: Example = { ...saved };
  // example names are keys in OpenAPI: two saved responses may share one
  if (typeof name === "string" && name.trim() !== "")
    example.name = freeName(
      name,
      (n) => examples.some((e) => e.name === n),
      " ",
    );
  examples.push(example);
}
