import type { Endpoint } from "./types.js";

/**
 * Arrays the model keeps, made to their exact length. An array grown by `push` or `flatMap`
 * reserves room for 17 entries or more; most of the model's lists hold one or two, and on a
 * 10,000-operation spec that slack was a fifth of the model's memory (11 MiB), kept through the
 * whole emit.
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

/** A copy of `list` without spare room (for a list built by `push` that the model keeps). */
export function packed<T>(list: readonly T[]): T[] {
  return list.slice();
}

/**
 * A reader's endpoint with its lists {@link packed}: made right after the endpoint is read, while
 * the lists grown by `push` are young, so their slack never outlives the reading (on the 10k
 * synthetic spec it was 6.6 MiB of the documents the merge reads).
 */
export function packEndpoint(endpoint: Endpoint): Endpoint {
  endpoint.nameCandidates = packed(endpoint.nameCandidates);
  endpoint.tags = packed(endpoint.tags);
  const { parameters } = endpoint;
  parameters.path = packed(parameters.path);
  parameters.query = packed(parameters.query);
  parameters.header = packed(parameters.header);
  parameters.cookie = packed(parameters.cookie);
  endpoint.responses = packed(endpoint.responses);
  for (const response of endpoint.responses)
    response.content = packed(response.content);
  if (endpoint.requestBody)
    endpoint.requestBody.content = packed(endpoint.requestBody.content);
  return endpoint;
}
