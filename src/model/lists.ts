import { PARAMETER_LOCATIONS, type Endpoint } from "./types.js";

// Arrays the model keeps, made to their exact length: a speed device (docs/benchmark.md).

/** The lists end to end, in one array of exactly their total length (`flat()` leaves room for 17). */
export function joined<T>(lists: readonly (readonly T[])[]): T[] {
  return ([] as T[]).concat(...lists);
}

/** `items` gathered by `keyOf`, in the order each key is first met. */
export function grouped<T, K = string>(
  items: Iterable<T>,
  keyOf: (item: T) => K,
) {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The first item of each key (a tag's case-blind name), in a list without spare room. */
export function firstOfEach<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
): T[] {
  return [...grouped(items, keyOf).values()].map((list) => list[0]!);
}

export const lowerCase = (text: string) => text.toLowerCase();

/** A reader's endpoint with its lists copied without spare room, right after it is read. */
export function packEndpoint(endpoint: Endpoint): Endpoint {
  replaceLists(endpoint, (list) => list.slice());
  return endpoint;
}

function replaceLists(endpoint: Endpoint, f: <T>(list: T[]) => T[]): void {
  endpoint.nameCandidates = f(endpoint.nameCandidates);
  endpoint.tags = f(endpoint.tags);
  const { parameters } = endpoint;
  for (const location of PARAMETER_LOCATIONS)
    parameters[location] = f(parameters[location]);
  endpoint.responses = f(endpoint.responses);
  for (const response of endpoint.responses)
    response.content = f(response.content);
  if (endpoint.requestBody)
    endpoint.requestBody.content = f(endpoint.requestBody.content);
}

/** Shared by every empty one an endpoint keeps; frozen, so adding to one fails loudly. */
const NONE: readonly never[] = Object.freeze([]);
const NO_EXTENSIONS: Readonly<Record<string, unknown>> = Object.freeze({});

/** A finished endpoint's empty lists and `extensions` replaced by the shared frozen ones. */
export function shareEmpties(endpoint: Endpoint): void {
  replaceLists(endpoint, (list) =>
    list.length === 0 ? (NONE as never[]) : list,
  );
  const { extensions } = endpoint;
  if (
    Object.getPrototypeOf(extensions) === Object.prototype &&
    Object.keys(extensions).length === 0
  )
    endpoint.extensions = NO_EXTENSIONS as Record<string, unknown>;
}

/** `"a", "b", "c", "d", "e" and 3 more`: the first five values as JSON, then a count. */
export function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 5).map((v) => JSON.stringify(v));
  return (
    shown.join(", ") +
    (values.length > 5 ? ` and ${values.length - 5} more` : "")
  );
}
