import {
  child,
  elements,
  isRecordNode,
  stringAt,
  type Node,
  type RecordNode,
} from "./node.js";
import type { SpecReading } from "./reading.js";
import { isHeaderName, isTransportHeader } from "../../model/header-name.js";

/**
 * A parameter as listed by a path item or an operation, with its `$ref` followed; `entry` is the
 * list entry (the `$ref` itself when there is one): where the parameter's source points.
 */
export type ParameterEntry = NonNullable<ReturnType<typeof readEntry>>;

/**
 * An operation's parameters: the path item's, then the operation's, which replace those of the same
 * name and location (Swagger 2.0 §Operation Object, OpenAPI 3.1 §4.8.10.1; header names any case).
 */
export function collectParameters(
  reading: SpecReading,
  pathItem: RecordNode,
  operation: RecordNode,
): ParameterEntry[] {
  const out: ParameterEntry[] = [];
  const index = new Map<string, { at: number; owner: RecordNode }>();
  for (const owner of [pathItem, operation]) {
    const list = child(owner, "parameters");
    if (list.value === undefined) continue;
    if (!Array.isArray(list.value)) {
      reading.report(
        "invalid-parameters",
        "`parameters` must be a list; it is ignored",
        list,
      );
      continue;
    }
    for (const entry of elements(list)) {
      const parameter = readEntry(reading, entry);
      if (!parameter) continue;
      const key = `${parameter.in}\u0000${parameter.in === "header" ? parameter.name.toLowerCase() : parameter.name}`;
      const seen = index.get(key);
      if (seen === undefined) {
        index.set(key, { at: out.length, owner });
        out.push(parameter);
      } else {
        if (seen.owner === owner)
          reading.report(
            "duplicate-parameter",
            `parameter ${JSON.stringify(parameter.name)} in ${parameter.in} is listed twice; the last one is kept`,
            entry,
          );
        out[seen.at] = parameter;
        seen.owner = owner;
      }
    }
  }
  return out;
}

function readEntry(reading: SpecReading, entry: Node) {
  const definition = reading.deref(entry, "parameter");
  if (!definition) return undefined;
  if (!isRecordNode(definition))
    return reading.report(
      "invalid-parameter",
      "a parameter must be an object; it is skipped",
      entry,
    );
  const location = stringAt(definition, "in");
  // a Swagger 2.0 body's name only documents it (§Parameter Object): one without is read
  const name =
    stringAt(definition, "name") ?? (location === "body" ? "body" : undefined);
  if (name === undefined || location === undefined)
    return reading.report(
      "invalid-parameter",
      "a parameter needs a `name` and an `in`; it is skipped",
      entry,
    );
  if (location === "header" && !isHeaderName(name))
    return reading.report(
      "invalid-header-name",
      `header parameter ${JSON.stringify(name)} is not a valid HTTP header name (RFC 9110 §5.1); no client could send it, so it is left out`,
      child(definition, "name"),
    );
  if (location === "header" && isTransportHeader(name))
    return reading.report(
      "transport-header",
      `header parameter ${JSON.stringify(name)} is one fetch writes itself (a value given is refused or replaced), so it is left out`,
      child(definition, "name"),
    );
  return { entry, definition, name, in: location };
}
