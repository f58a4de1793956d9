import { posix } from "node:path";
import { compareCodeUnits } from "../model/order.js";
import type { ImportCollector } from "./artifact.js";
import { importStatement } from "./shared/statements.js";

/**
 * The imports of the output file `from`: names from other output files by their paths in the
 * output folder, printed as relative `.js` specifiers, one statement per module and kind, sorted.
 */
export function importCollector(from: string): ImportCollector {
  const modules = new Map<string, { names: Set<string>; type: boolean }>();
  return {
    add(target, name, options = {}) {
      let rel = posix.relative(posix.dirname(from), target);
      if (!rel.startsWith(".")) rel = `./${rel}`;
      const specifier = rel.replace(/\.(?:ts|mts)$/, ".js");
      const key = `${specifier}\0${options.type ? "type" : "value"}`;
      const entry = modules.get(key) ?? {
        names: new Set<string>(),
        type: options.type ?? false,
      };
      entry.names.add(name);
      modules.set(key, entry);
    },
    text() {
      return [...modules.entries()]
        .sort(([a], [b]) => compareCodeUnits(a, b))
        .map(
          ([key, { names, type }]) =>
            importStatement(
              [...names].sort(compareCodeUnits),
              key.slice(0, key.indexOf("\0")),
              type,
            ) + "\n",
        )
        .join("");
    },
  };
}
