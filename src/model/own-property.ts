/**
 * Sets `record[key]` as an own, enumerable property. Keys come from specs, and a plain assignment
 * with the key `__proto__` would replace the object's prototype instead of adding a member.
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T) {
  if (key === "__proto__")
    Object.defineProperty(record, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else record[key] = value;
}

/** `record[key]` when `key` is its own (a spec's key, `constructor` too, reads no prototype's). */
export const ownMember = <T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
) => (record && Object.hasOwn(record, key) ? record[key] : undefined);

/** `Object.assign` for spec-keyed records: every member is copied with {@link setOwn}. */
export function assignOwn<T>(
  target: Record<string, T>,
  ...sources: readonly Record<string, T>[]
): Record<string, T> {
  for (const source of sources)
    for (const key of Object.keys(source)) setOwn(target, key, source[key]!);
  return target;
}
