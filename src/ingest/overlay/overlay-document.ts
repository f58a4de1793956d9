import type { JSONPathQuery } from "json-p3";
import type { Path } from "../../model/pointer.js";
import type { IngestReporter } from "../codes.js";
import type { SourceRef } from "../../model/types.js";
import { canonical, isRecord } from "../reader.js";
import { compileQuery } from "./bounds.js";

/** One action of an overlay, checked: its JSONPaths compiled (RFC 9535, json-p3). */
export interface OverlayAction {
  /** Its index in `actions`: its place is `["actions", index]`. */
  readonly index: number;
  readonly target: JSONPathQuery;
  readonly targetText: string;
  /** `update` when the action has one (its value may be null: `update: null` sets null). */
  readonly update?: { value: unknown };
  readonly copy?: JSONPathQuery;
  readonly remove: boolean;
}

/** An overlay document that passed the Overlay schema, its actions in order. */
export interface Overlay {
  readonly absPath: string;
  /** "1.0" or "1.1". */
  readonly version: string;
  /** The `extends` URI reference, as written. */
  readonly extends?: string;
  readonly actions: readonly OverlayAction[];
  /** Where `path` of the overlay is (found when first needed, like an input's places). */
  place(path: Path): SourceRef;
  /** The scalar at `path` as written, when it reads back to the same value. */
  rawScalar?(path: Path): string | undefined;
}

const ROOT_KEYS = ["overlay", "info", "extends", "actions"];
const INFO_KEYS = ["title", "version", "description"];
const ACTION_KEYS = ["target", "description", "update", "copy", "remove"];

/**
 * Checks a parsed overlay against the Overlay schema (1.1 adds `copy` and `info.description`) and
 * compiles its JSONPaths: each problem is `overlay/invalid` at its place, and fails the overlay.
 */
export function readOverlay(
  value: unknown,
  absPath: string,
  place: (path: Path) => SourceRef,
  reporter: IngestReporter,
  rawScalar?: (path: Path) => string | undefined,
): Overlay | undefined {
  let bad = false;
  const fail = (path: Path, message: string): undefined => {
    bad = true;
    reporter.report("overlay/invalid", message, place(path));
  };
  if (!isRecord(value))
    return fail([], "an overlay must be an object (overlay, info, actions)");
  const version = /^1\.([01])\.\d+$/.exec(
    typeof value["overlay"] === "string" ? value["overlay"] : "",
  );
  if (!version)
    fail(
      "overlay" in value ? ["overlay"] : [],
      `"overlay" must name version 1.0.x or 1.1.x as a string, not ${JSON.stringify(value["overlay"] ?? null)}`,
    );
  const v11 = version?.[1] === "1";
  unknownKeys(value, ROOT_KEYS, [], fail);
  const info = value["info"];
  if (!isRecord(info)) fail(["info"], `"info" must be an object`);
  else {
    for (const key of ["title", "version"])
      if (typeof info[key] !== "string")
        fail(
          key in info ? ["info", key] : ["info"],
          `"info.${key}" must be a string`,
        );
    if (v11 && "description" in info && typeof info["description"] !== "string")
      fail(["info", "description"], `"info.description" must be a string`);
    unknownKeys(info, v11 ? INFO_KEYS : INFO_KEYS.slice(0, 2), ["info"], fail);
  }
  const ext = value["extends"];
  if (ext !== undefined && typeof ext !== "string")
    fail(["extends"], `"extends" must be a string (a URI reference)`);
  const actions: OverlayAction[] = [];
  const list = value["actions"];
  if (!Array.isArray(list) || list.length === 0)
    fail(
      "actions" in value ? ["actions"] : [],
      `"actions" must be a list of at least one action`,
    );
  else {
    const seen = new Map<string, number>();
    list.forEach((item, index) => {
      const at: Path = ["actions", index];
      const key = canonical(item);
      const first = seen.get(key);
      if (first !== undefined)
        fail(
          at,
          `action ${index + 1} repeats action ${first + 1} (actions must be unique)`,
        );
      else seen.set(key, index);
      const action = readAction(item, index, v11, fail);
      if (action) actions.push(action);
    });
  }
  if (bad || !version) return undefined;
  return {
    absPath,
    version: `1.${version[1]}`,
    ...(typeof ext === "string" ? { extends: ext } : {}),
    actions,
    place,
    ...(rawScalar ? { rawScalar } : {}),
  };
}

function readAction(
  item: unknown,
  index: number,
  v11: boolean,
  fail: (path: Path, message: string) => undefined,
): OverlayAction | undefined {
  const at: Path = ["actions", index];
  if (!isRecord(item))
    return fail(at, `action ${index + 1} must be an object with a "target"`);
  unknownKeys(
    item,
    v11 ? ACTION_KEYS : ACTION_KEYS.filter((k) => k !== "copy"),
    at,
    fail,
  );
  // a fault fails the whole overlay (readOverlay): an action is made only to be applied
  const wrong = (key: string, what: string) =>
    fail([...at, key], `action ${index + 1}: "${key}" must be ${what}`);
  const target = item["target"];
  let query: JSONPathQuery | undefined;
  if (typeof target !== "string" || !target.startsWith("$"))
    fail(
      "target" in item ? [...at, "target"] : at,
      `action ${index + 1}: "target" must be a JSONPath (a string starting with "$")`,
    );
  else query = compile(target, [...at, "target"], fail);
  if ("description" in item && typeof item["description"] !== "string")
    wrong("description", "a string");
  if ("remove" in item && typeof item["remove"] !== "boolean")
    wrong("remove", "true or false");
  let copy: JSONPathQuery | undefined;
  if ("copy" in item && v11) {
    const text = item["copy"];
    if (typeof text === "string") copy = compile(text, [...at, "copy"], fail);
    else wrong("copy", "a JSONPath string");
  }
  if (query === undefined) return undefined;
  return {
    index,
    target: query,
    targetText: target as string,
    ...("update" in item ? { update: { value: item["update"] } } : {}),
    ...(copy ? { copy } : {}),
    remove: item["remove"] === true,
  };
}

function compile(
  text: string,
  at: Path,
  fail: (path: Path, message: string) => undefined,
): JSONPathQuery | undefined {
  try {
    return compileQuery(text);
  } catch (error) {
    return fail(
      at,
      `${JSON.stringify(text)} is not an RFC 9535 JSONPath: ${String((error as Error).message ?? error).split("\n")[0]}`,
    );
  }
}

function unknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  at: Path,
  fail: (path: Path, message: string) => void,
): void {
  for (const key of Object.keys(value))
    if (!known.includes(key) && !key.startsWith("x-"))
      fail(
        [...at, key],
        `unknown field ${JSON.stringify(key)} (known: ${known.join(", ")}, or x- extensions)`,
      );
}
