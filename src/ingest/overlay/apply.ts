import type { Path } from "../../model/pointer.js";
import type { IngestReporter } from "../codes.js";
import { isRecord, kindOf, valueAt } from "../reader.js";
import { isJsonPathError, OverlayBoundError, OverlayBudget } from "./bounds.js";
import type { OverlaidValue } from "./overlaid-value.js";
import type { Overlay, OverlayAction } from "./overlay-document.js";

/** Where a node came from: the input itself, or an overlay. */
export type From = { readonly input: true } | { readonly overlay: Overlay };

/**
 * Applies an overlay's actions in order to `doc`; returns whether anything changed. An action that
 * selects nothing (`overlay/no-match`) or cannot be applied (`overlay/not-applied`) is skipped; one
 * past a bound of `budget` (`overlay/limit`) stops the rest.
 */
export function applyOverlay(
  doc: OverlaidValue<From>,
  overlay: Overlay,
  reporter: IngestReporter,
  /** The input, for messages. */
  input: string,
  budget = new OverlayBudget(),
): boolean {
  let changed = false;
  for (const action of overlay.actions) {
    try {
      changed =
        applyAction(doc, overlay, action, reporter, input, budget) || changed;
    } catch (error) {
      if (!(error instanceof OverlayBoundError || isJsonPathError(error)))
        throw error;
      reporter.report(
        "overlay/limit",
        `action ${action.index + 1} on ${input}: ${error instanceof OverlayBoundError ? error.message : `the JSONPath stopped: ${error.message.split("\n")[0]}`}`,
        overlay.place(["actions", action.index]),
      );
      break;
    }
  }
  return changed;
}

function applyAction(
  doc: OverlaidValue<From>,
  overlay: Overlay,
  action: OverlayAction,
  reporter: IngestReporter,
  input: string,
  budget: OverlayBudget,
): boolean {
  const at: Path = ["actions", action.index];
  const from: From = { overlay };
  const skip = (message: string, path: Path = at) => {
    reporter.report(
      "overlay/not-applied",
      `action ${action.index + 1} on ${input}: ${message}`,
      overlay.place(path),
    );
    return false;
  };
  const noMatch = (what: string, path: Path) => {
    reporter.report(
      "overlay/no-match",
      `action ${action.index + 1}: ${what} selects nothing in ${input}`,
      overlay.place(path),
    );
    return false;
  };
  const targets = budget.select(action.target, doc.value, "the target");
  if (targets.length === 0)
    return noMatch(`the target ${action.targetText}`, at);
  if (action.remove) {
    // the last first, so removing an array item leaves the places of those before it
    for (const path of [...targets].sort(comparePaths).reverse()) {
      if (path.length === 0) {
        skip("removing the whole document is not possible");
        continue;
      }
      const parentPath = path.slice(0, -1);
      const parent = doc.own(parentPath) as object;
      doc.remove(parent, path.at(-1)!, doc.originOf(parentPath));
    }
    return true;
  }
  if (action.update && action.copy)
    return skip(`it has both "update" and "copy", and each voids the other`);
  let value: unknown;
  if (action.update) value = action.update.value;
  else if (action.copy) {
    const copied = budget.select(action.copy, doc.value, '"copy"');
    if (copied.length === 0) return noMatch('"copy"', [...at, "copy"]);
    if (copied.length > 1)
      return skip(`"copy" selects ${copied.length} nodes; it must select one`, [
        ...at,
        "copy",
      ]);
    value = valueAt(doc.value, copied[0]!);
  } else return false;
  const origin = { from, path: [...at, action.update ? "update" : "copy"] };
  let changed = false;
  for (const path of targets) {
    const current = valueAt(doc.value, path);
    const container = isRecord(current) || Array.isArray(current);
    budget.add(value, path);
    const clash = clashAt(current, value);
    if (clash)
      skip(
        `"${clash.join("/")}" is ${kindOf(valueAt(current, clash))} there: ${kindOf(valueAt(value, clash))} cannot merge with it`,
      );
    else if (container && (Array.isArray(current) || isRecord(value))) {
      doc.merge(doc.own(path) as object, value, origin, doc.originOf(path));
      changed = true;
    } else if (container)
      skip(`an object target needs an object to merge, not ${kindOf(value)}`);
    else if (overlay.version === "1.0")
      skip(
        `the target is ${kindOf(current)}: Overlay 1.0 updates objects and arrays only (1.1 replaces a value)`,
      );
    else if (typeof value === "object" && value !== null)
      skip(
        `the target is ${kindOf(current)}: it takes a primitive, not ${kindOf(value)}`,
      );
    else if (path.length === 0) {
      doc.setRoot(value, origin);
      changed = true;
    } else {
      const parent = doc.own(path.slice(0, -1)) as object;
      doc.set(parent, path.at(-1)!, value, origin);
      changed = true;
    }
  }
  return changed;
}

/** Document order of two node paths (array items by index). */
function comparePaths(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** Where `update` gives a member of another kind (object, array, primitive) than the object
 * `target` has: Overlay 1.1 calls such a merge incompatible, an error. */
function clashAt(target: unknown, update: unknown): Path | undefined {
  if (!isRecord(target) || !isRecord(update)) return undefined;
  const kind = (v: unknown) => (Array.isArray(v) ? 2 : isRecord(v) ? 1 : 0);
  for (const [key, value] of Object.entries(update)) {
    if (!Object.hasOwn(target, key)) continue;
    if (kind(target[key]) !== kind(value)) return [key];
    const below = clashAt(target[key], value);
    if (below) return [key, ...below];
  }
  return undefined;
}
