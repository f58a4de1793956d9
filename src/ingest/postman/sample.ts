import type { Path } from "../../model/pointer.js";
import type { Example } from "../../model/types.js";
import type { PostmanContext } from "./context.js";
import { count } from "../read-source.js";

/**
 * Bounds on what a Postman body carries into the output, where its example is written three
 * times: an example keeps at most MAX_SAMPLE_CHARS characters, a JSON body is parsed (to infer
 * its schema) only up to MAX_INFERRED_CHARS; each cut is `postman/large-body` at the body.
 */
export const MAX_SAMPLE_CHARS = 64 * 1024;
export const MAX_INFERRED_CHARS = 4 * 1024 * 1024;

/**
 * A text body's example: the whole text, or its first MAX_SAMPLE_CHARS characters (never half a
 * surrogate pair) with a summary saying so, reported at `at`.
 */
export function textSample(
  text: string,
  what: string,
  at: Path,
  pc: PostmanContext,
): Example {
  if (text.length <= MAX_SAMPLE_CHARS) return { value: text };
  let end = MAX_SAMPLE_CHARS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  const summary = `the first ${count(end)} of ${count(text.length)} characters`;
  pc.reporter.report(
    "postman/large-body",
    `${what} is ${count(text.length)} characters: its example keeps ${summary}`,
    pc.ref(at),
  );
  // a copy of its own: a slice would keep the whole body alive as long as the example lives
  return {
    value: Buffer.from(text.slice(0, end), "utf16le").toString("utf16le"),
    summary,
  };
}

/**
 * Whether a JSON body is within `limit`: MAX_INFERRED_CHARS, past which it has no schema nor
 * example, or MAX_SAMPLE_CHARS, past which it gives its schema only (reported at `at`).
 */
export function fits(
  text: string,
  limit: number,
  what: string,
  at: Path,
  pc: PostmanContext,
): boolean {
  if (text.length <= limit) return true;
  pc.reporter.report(
    "postman/large-body",
    `${what} is ${count(text.length)} characters, more than the ${count(limit)} ${limit === MAX_SAMPLE_CHARS ? "an example keeps: its schema is inferred from it, and it is no example" : "a schema is inferred from: it is kept without a schema or an example"}`,
    pc.ref(at),
  );
  return false;
}
