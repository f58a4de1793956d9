import type { Path } from "../../model/pointer.js";
import { isRecord } from "../reader.js";
import { setOwn } from "../../model/own-property.js";

/** Where a node of an overlaid document came from: a place in the input, or in an overlay. */
export interface Origin<From> {
  readonly from: From;
  readonly path: Path;
}

/**
 * A document being changed by overlay actions, and where each node came from. The input's value is
 * never changed: a container is copied before its first change ("owned"); only an owned container
 * records origins of its own (`overrides`), so {@link originOf} is a short walk.
 */
export class OverlaidValue<From> {
  private readonly owned = new WeakSet<object>();
  private readonly overrides = new WeakMap<object, Map<string, Origin<From>>>();

  constructor(
    private root: unknown,
    private rootOrigin: Origin<From>,
  ) {}

  get value(): unknown {
    return this.root;
  }

  /** Where the node at `path` came from (a path beyond the document: its place's ancestor's). */
  originOf(path: Path): Origin<From> {
    let origin = this.rootOrigin;
    let node = this.root;
    for (let i = 0; i < path.length; i++) {
      if (typeof node !== "object" || node === null || !this.owned.has(node))
        return below(origin, ...path.slice(i));
      origin = this.childOrigin(node, path[i]!, origin);
      node = (node as Record<string, unknown>)[path[i]!];
    }
    return origin;
  }

  /** The node at `path`, every container on the way (and it, when one) owned, so changeable. */
  own(path: Path): unknown {
    this.root = this.ownCopy(this.root);
    let node = this.root;
    for (const seg of path) {
      const parent = node as Record<string, unknown>;
      node = this.ownCopy(parent[seg]);
      setOwn(parent, String(seg), node);
    }
    return node;
  }

  /** `parent[key] = value`, `value` coming from `origin`; `parent` owned. */
  set(
    parent: object,
    key: string | number,
    value: unknown,
    origin: Origin<From>,
  ): void {
    setOwn(parent as Record<string, unknown>, String(key), value);
    let overrides = this.overrides.get(parent);
    if (!overrides) this.overrides.set(parent, (overrides = new Map()));
    overrides.set(String(key), origin);
  }

  /** Replaces the root (an update of `$` by a non-object, or a copy onto it). */
  setRoot(value: unknown, origin: Origin<From>): void {
    this.root = value;
    this.rootOrigin = origin;
  }

  /** Removes `parent[key]` (an array item: the items after it move up, keeping their origins). */
  remove(parent: object, key: string | number, parentOrigin: Origin<From>) {
    if (!Array.isArray(parent)) {
      delete (parent as Record<string, unknown>)[key];
      this.overrides.get(parent)?.delete(String(key));
      return;
    }
    const origins = parent.map((_, i) =>
      this.childOrigin(parent, i, parentOrigin),
    );
    parent.splice(Number(key), 1);
    origins.splice(Number(key), 1);
    this.overrides.set(parent, new Map(origins.map((o, i) => [String(i), o])));
  }

  /** Merges `update` into the owned object or array `target` by Overlay 1.1's rules. */
  merge(
    target: object,
    update: unknown,
    updateOrigin: Origin<From>,
    targetOrigin: Origin<From>,
  ): void {
    if (Array.isArray(target)) {
      const items = Array.isArray(update) ? update : [update];
      const at = (j: number) =>
        Array.isArray(update) ? below(updateOrigin, j) : updateOrigin;
      items.forEach((item, j) => this.set(target, target.length, item, at(j)));
      return;
    }
    const record = target as Record<string, unknown>;
    for (const key of Object.keys(update as Record<string, unknown>)) {
      const value = (update as Record<string, unknown>)[key];
      const from = below(updateOrigin, key);
      const current = Object.hasOwn(record, key) ? record[key] : undefined;
      const bothObjects = isRecord(current) && isRecord(value);
      const bothArrays = Array.isArray(current) && Array.isArray(value);
      if (bothObjects || bothArrays) {
        const childOrigin = this.childOrigin(record, key, targetOrigin);
        const child = this.ownCopy(current) as object;
        setOwn(record, key, child);
        this.merge(child, value, from, childOrigin);
      } else this.set(record, key, value, from);
    }
  }

  /** The origin of `parent[key]`, `parent`'s own being `parentOrigin`. */
  childOrigin(
    parent: object,
    key: string | number,
    parentOrigin: Origin<From>,
  ): Origin<From> {
    return (
      (this.owned.has(parent)
        ? this.overrides.get(parent)?.get(String(key))
        : undefined) ?? below(parentOrigin, key)
    );
  }

  private ownCopy(value: unknown): unknown {
    if (typeof value !== "object" || value === null || this.owned.has(value))
      return value;
    const copy = Array.isArray(value) ? [...value] : { ...value };
    this.owned.add(copy);
    return copy;
  }
}

/** The origin of the node `keys` below the one `origin` is of. */
function below<F>(origin: Origin<F>, ...keys: Path): Origin<F> {
  return { from: origin.from, path: [...origin.path, ...keys] };
}
