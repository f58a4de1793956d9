import { packEndpoint } from "../../model/lists.js";
import type {
  ApiInfo,
  DocumentModel,
  Endpoint,
  Tag,
} from "../../model/types.js";
import { isRecord, type ReaderContext } from "../reader.js";
import type { CollectionState, PostmanContext } from "./context.js";
import { descriptionText, scalarText } from "./fields.js";
import { readRequest, type RequestScope } from "./request.js";
import { SchemeRegistry } from "./security-schemes.js";
import { ServerRegistry } from "./servers.js";
import { VariableScope } from "./variables.js";
import type { Path } from "../../model/pointer.js";

/**
 * Reads a Postman collection (v2.0 or v2.1) into a document model: one endpoint per request,
 * in document order. Folders give tags, and variables and auth that requests inherit.
 */
export function readPostman(ctx: ReaderContext): DocumentModel {
  const pc: PostmanContext = {
    ref: (path) => ctx.doc.ref(path),
    reporter: ctx.reporter,
  };
  const root = isRecord(ctx.doc.value) ? ctx.doc.value : {};
  const state: CollectionState = {
    servers: new ServerRegistry(),
    schemes: new SchemeRegistry(),
  };
  const tags = new TagRegistry();
  const endpoints: Endpoint[] = [];
  walkItems(
    root.item,
    ["item"],
    {
      variables: new VariableScope(root.variable, pc),
      auth: [{ value: root.auth, at: ["auth"] }],
    },
    {
      request(item, at, scope) {
        const endpoint = readRequest(item, at, scope, state, pc);
        if (endpoint) endpoints.push(packEndpoint(endpoint));
      },
      folder(folder, name) {
        if (name !== undefined)
          tags.add(name, descriptionText(folder.description));
      },
    },
    pc,
  );
  return {
    file: ctx.doc.file,
    format: ctx.doc.format,
    info: readInfo(root.info),
    servers: state.servers.list(),
    securitySchemes: state.schemes.record(),
    schemas: {},
    tags: tags.used(endpoints),
    endpoints,
  };
}

/** The collection's `info`: name as title, description, and version (Postman's is optional). */
export function readInfo(info: unknown): ApiInfo {
  const record = isRecord(info) ? info : {};
  const name = typeof record.name === "string" ? record.name.trim() : "";
  const result: ApiInfo = {
    title: name !== "" ? name : "Postman collection",
    version: readVersion(record.version) ?? "1.0.0",
  };
  const description = descriptionText(record.description);
  if (description !== undefined) result.description = description;
  return result;
}

/** `info.version`: a string, or 2.x's `{major, minor, patch, identifier}`. */
function readVersion(version: unknown): string | undefined {
  const text = scalarText(version);
  if (text !== undefined) return text.trim() === "" ? undefined : text.trim();
  if (!isRecord(version)) return undefined;
  const [major, minor, patch] = [
    version.major,
    version.minor,
    version.patch,
  ].map((n) => (typeof n === "number" ? n : 0));
  const identifier = scalarText(version.identifier);
  return `${major}.${minor}.${patch}${identifier ? `-${identifier}` : ""}`;
}

/**
 * Folder names as tags, in order of first appearance. Folders of the same name share a tag; the
 * first description found is its description.
 */
export class TagRegistry {
  private readonly byName = new Map<string, Tag>();

  add(name: string, description: string | undefined): void {
    const tag = this.byName.get(name);
    if (!tag)
      this.byName.set(
        name,
        description !== undefined ? { name, description } : { name },
      );
    else if (tag.description === undefined && description !== undefined)
      tag.description = description;
  }

  /** The tags some endpoint uses: a folder that only holds folders tags nothing. */
  used(tagged: readonly { tags: readonly string[] }[]): Tag[] {
    const used = new Set(tagged.flatMap((e) => e.tags));
    return [...this.byName.values()].filter((t) => used.has(t.name));
  }
}

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
