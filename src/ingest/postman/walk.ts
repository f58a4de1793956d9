import type { Path } from "../../model/pointer.js";
import { isRecord } from "../reader.js";
import type { PostmanContext } from "./context.js";
import type { RequestScope } from "./request.js";

export interface ItemVisitor {
  request(item: Record<string, unknown>, at: Path, scope: RequestScope): void;
  folder(folder: Record<string, unknown>, name: string | undefined): void;
}

/**
 * Visits a collection's items depth-first in document order. A folder (an item with `item`)
 * passes its variables and auth down to what it holds, and its name as their tag.
 */
export function walkItems(
  items: unknown,
  at: Path,
  scope: RequestScope,
  visitor: ItemVisitor,
  pc: PostmanContext,
): void {
  if (!Array.isArray(items)) return;
  items.forEach((item, index) => {
    const path = [...at, index];
    if (!isRecord(item)) {
      pc.reporter.report(
        "postman/invalid-item",
        "an item is not an object; it is skipped",
        pc.ref(path),
      );
    } else if (Array.isArray(item.item)) {
      const name = folderName(item);
      visitor.folder(item, name);
      const inner: RequestScope = {
        variables: scope.variables.child(item, path),
        auth: [{ value: item.auth, at: [...path, "auth"] }, ...scope.auth],
      };
      if (name !== undefined) inner.folder = name;
      walkItems(item.item, [...path, "item"], inner, visitor, pc);
    } else if (item.request !== undefined) visitor.request(item, path, scope);
    else
      pc.reporter.report(
        "postman/invalid-item",
        "the item has neither `request` nor `item`; it is skipped",
        pc.ref(path),
      );
  });
}

function folderName(folder: Record<string, unknown>): string | undefined {
  const name = typeof folder.name === "string" ? folder.name.trim() : "";
  return name === "" ? undefined : name;
}
