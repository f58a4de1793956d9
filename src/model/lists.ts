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
