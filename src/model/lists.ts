import type { Endpoint } from "./types.js";

/**
 * Arrays the model keeps, made to their exact length: one grown by `push` or `flatMap` reserves
 * room for 17 entries or more, and most of the model's lists hold one or two (docs/benchmark.md).
 */

/** The lists end to end, in a new array of exactly their total length. */
export function joined<T>(lists: readonly (readonly T[])[]): T[] {
  if (lists.length === 1) return lists[0]!.slice();
  let length = 0;
  for (const list of lists) length += list.length;
  const out = new Array<T>(length);
  let i = 0;
  for (const list of lists) for (const item of list) out[i++] = item;
  return out;
}

/** `items` gathered by `keyOf`, in the order each key is first met. */
export function grouped<T>(
  items: Iterable<T>,
  keyOf: (item: T) => string,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The first of each text, case aside (tags), in a list without spare room. */
export function firstOfEachCase(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return packed(
    values.filter((value) => {
      const key = value.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

/** A copy of `list` without spare room (for a list built by `push` that the model keeps). */
export function packed<T>(list: readonly T[]): T[] {
  return list.slice();
}

/**
 * A reader's endpoint with its lists {@link packed}: made right after the endpoint is read, while
 * the lists grown by `push` are young, so their slack never outlives the reading.
 */
export function packEndpoint(endpoint: Endpoint): Endpoint {
  replaceLists(endpoint, packed);
  return endpoint;
}

/** Replaces each list an endpoint holds (names, tags, parameters, responses, contents) by `f`'s. */
function replaceLists(endpoint: Endpoint, f: <T>(list: T[]) => T[]): void {
  endpoint.nameCandidates = f(endpoint.nameCandidates);
  endpoint.tags = f(endpoint.tags);
  const { parameters } = endpoint;
  parameters.path = f(parameters.path);
  parameters.query = f(parameters.query);
  parameters.header = f(parameters.header);
  parameters.cookie = f(parameters.cookie);
  endpoint.responses = f(endpoint.responses);
  for (const response of endpoint.responses)
    response.content = f(response.content);
  if (endpoint.requestBody)
    endpoint.requestBody.content = f(endpoint.requestBody.content);
}

/**
 * One frozen empty list and one frozen empty record for every empty one an endpoint keeps (no
 * query parameters, a response without content, no `extensions`). Frozen, so code that would
 * add to one fails loudly instead of adding to every endpoint's.
 */
const NONE: readonly never[] = Object.freeze([]);
const NO_EXTENSIONS: Readonly<Record<string, unknown>> = Object.freeze({});

/** The shared list when `list` is empty, else `list`. */
function orNone<T>(list: T[]): T[] {
  return list.length === 0 ? (NONE as never[]) : list;
}

/**
 * An endpoint of the finished model with its empty lists and its empty `extensions` replaced by
 * the shared frozen ones. Run last: nothing adds to a finished model's lists.
 */
export function shareEmpties(endpoint: Endpoint): void {
  replaceLists(endpoint, orNone);
  if (isEmptyRecord(endpoint.extensions))
    endpoint.extensions = NO_EXTENSIONS as Record<string, unknown>;
}

function isEmptyRecord(record: Record<string, unknown>): boolean {
  return (
    Object.getPrototypeOf(record) === Object.prototype &&
    Object.keys(record).length === 0
  );
}
