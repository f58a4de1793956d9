import {
  revivedScalar,
  type Plan,
  type PlanNode,
  type ScalarChoices,
} from "../toolkit.js";
import type { Schema } from "../../model/types.js";

/*
 * Mocks with the config's `dates: "Date"` and `int64: "bigint"` (issue 43 item 3): a handler's
 * answer is JSON the generated client revives by its plan (templates/shared/scalars.ts), which
 * refuses a date's text that names no day or time and an int64 that is not one. A mock must
 * answer what the client reads as its types say: an example that would not revive is not used.
 * The date rules are the runtime's toDate (test/dates/consumers-mocks.test.ts holds the two to
 * each other).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const INT64_LIMIT = 2 ** 63;
const MAX_DEPTH = 512;

/** Whether `text` is a date (`d`) or an RFC 3339 date-time (`t`) the client revives. */
export function isRevivableDate(text: string, kind: "t" | "d"): boolean {
  const m = (kind === "d" ? DATE : DATE_TIME).exec(text);
  if (!m) return false;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number?,
    number?,
    number?,
  ];
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const offset =
    m[8] === undefined || (Number(m[9]) < 24 && Number(m[10]) < 60);
  return (
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= last &&
    h < 24 &&
    mi < 60 &&
    s < 60 &&
    offset
  );
}

/**
 * Where `value` (JSON, as a mock answers it) holds what the client could not revive by `plan`
 * (`/at: "yesterday" is no date-time`); undefined when it holds none.
 */
export function unrevivable(
  value: unknown,
  plan: Plan | undefined,
  named: readonly PlanNode[],
  at = "",
  depth = 0,
): string | undefined {
  const node = typeof plan === "number" ? named[plan] : plan;
  if (node === undefined || depth >= MAX_DEPTH) return undefined;
  if (typeof value === "string")
    return node.s && !isRevivableDate(value, node.s)
      ? `${at || "/"}: ${JSON.stringify(value)} is no ${node.s === "d" ? "date" : "date-time"}`
      : undefined;
  if (typeof value === "number")
    return node.i &&
      !(Number.isInteger(value) && value >= -INT64_LIMIT && value < INT64_LIMIT)
      ? `${at || "/"}: ${value} is no int64`
      : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unrevivable(
        value[i],
        node.t?.[i] ?? node.e,
        named,
        `${at}/${i}`,
        depth + 1,
      );
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const member = node.p && Object.hasOwn(node.p, key) ? node.p[key] : node.r;
    const found = unrevivable(
      item,
      member,
      named,
      `${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`,
      depth + 1,
    );
    if (found) return found;
  }
  return undefined;
}

/**
 * For the sample maker (`accepts`): whether a schema's own example may stand where the client
 * revives its value, by the model's scalar choices: a date's or date-time's text that revives,
 * an int64 in range. Other places take any example of their type.
 */
export function revivableExample(
  scalars: ScalarChoices | undefined,
): (value: unknown, schema: Schema) => boolean {
  return (value, schema) => {
    const kind = revivedScalar(schema, scalars);
    if (kind === undefined) return true;
    if (kind === "int64")
      return (
        typeof value === "number" &&
        Number.isInteger(value) &&
        value >= -INT64_LIMIT &&
        value < INT64_LIMIT
      );
    return (
      typeof value === "string" &&
      isRevivableDate(value, kind === "date" ? "d" : "t")
    );
  };
}
