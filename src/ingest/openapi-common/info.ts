import type { ApiInfo, Tag } from "../../model/types.js";
import {
  child,
  elements,
  isRecordNode,
  stringAt,
  type RecordNode,
  sourceOf,
} from "./node.js";
import type { SpecReading } from "./reading.js";

/** `info` is the same object in Swagger 2.0 and OpenAPI 3.x. */
export function readInfo(reading: SpecReading): ApiInfo {
  const node = child(reading.root, "info");
  if (!isRecordNode(node)) {
    reading.reporter.report(
      reading.code("missing-info"),
      "the document has no `info`",
      sourceOf(reading.root),
    );
    return { title: "", version: "" };
  }
  const info: ApiInfo = {
    title: stringAt(node, "title") ?? "",
    version: stringAt(node, "version") ?? "",
  };
  const description = stringAt(node, "description");
  if (description !== undefined) info.description = description;
  return info;
}

/** Top-level `tags` (name and description); entries without a name are reported and skipped. */
export function readTags(reading: SpecReading): Tag[] {
  const tags: Tag[] = [];
  const seen = new Set<string>();
  for (const entry of elements(child(reading.root, "tags"))) {
    const name = isRecordNode(entry) ? stringAt(entry, "name") : undefined;
    if (name === undefined) {
      reading.reporter.report(
        reading.code("invalid-tag"),
        "a tag without a `name` is skipped",
        sourceOf(entry),
      );
      continue;
    }
    if (seen.has(name)) continue;
    seen.add(name);
    const tag: Tag = { name };
    // summary, parent and kind are OpenAPI 3.2's
    const keys =
      reading.ctx.doc.format === "openapi3.2"
        ? (["description", "summary", "parent", "kind"] as const)
        : (["description"] as const);
    for (const key of keys) {
      const text = stringAt(entry as RecordNode, key);
      if (text !== undefined) tag[key] = text;
    }
    tags.push(tag);
  }
  return tags;
}

/** YAML reads `version: 1.0` as a number; the model wants the text. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  return undefined;
}
