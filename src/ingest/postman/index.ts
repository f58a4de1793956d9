import type { Path } from "../../model/pointer.js";
import type {
  ApiInfo,
  DocumentModel,
  Endpoint,
  Tag,
} from "../../model/types.js";
import { isRecord, type ReaderContext } from "../reader.js";
import { POSTMAN_CODES } from "./codes.js";
import { postmanContext, type PostmanContext } from "./context.js";
import { descriptionText, scalarText } from "./fields.js";
import {
  readRequest,
  type CollectionState,
  type RequestScope,
} from "./request.js";
import { SchemeRegistry } from "./security-schemes.js";
import { ServerRegistry } from "./servers.js";
import { VariableScope } from "./variables.js";

/**
 * Reads a Postman collection (v2.0 or v2.1) into a document model: one endpoint per request,
 * in document order. Folders give tags, variables, and auth that requests inherit.
 */
export function readPostman(ctx: ReaderContext): DocumentModel {
  const pc = postmanContext(ctx);
  const root = isRecord(ctx.doc.value) ? ctx.doc.value : {};
  const state: CollectionState = {
    servers: new ServerRegistry(),
    schemes: new SchemeRegistry(),
    reported: new Set(),
    reportedVariables: new Set(),
  };
  const tags = new Map<string, Tag>();
  const endpoints: Endpoint[] = [];
  const scope: RequestScope = {
    variables: new VariableScope(root.variable),
    auth: [{ value: root.auth, at: ["auth"] }],
  };
  walk(
    root.item,
    ["item"],
    scope,
    (item, at, itemScope) => {
      const endpoint = readRequest(item, at, itemScope, state, pc);
      if (endpoint) endpoints.push(endpoint);
    },
    (folder) => {
      const name = folderName(folder);
      if (name === undefined) return;
      const description = descriptionText(folder.description);
      const tag = tags.get(name);
      if (!tag)
        tags.set(
          name,
          description !== undefined ? { name, description } : { name },
        );
      else if (tag.description === undefined && description !== undefined)
        tag.description = description;
    },
    pc,
  );
  const used = new Set(endpoints.flatMap((e) => e.tags));
  return {
    file: ctx.doc.file,
    format: ctx.doc.format,
    info: readInfo(root.info),
    servers: state.servers.list(),
    securitySchemes: state.schemes.record(),
    schemas: {},
    tags: [...tags.values()].filter((t) => used.has(t.name)),
    endpoints,
  };
}

type Visit = (
  item: Record<string, unknown>,
  at: Path,
  scope: RequestScope,
) => void;

function walk(
  items: unknown,
  at: Path,
  scope: RequestScope,
  visitRequest: Visit,
  visitFolder: (folder: Record<string, unknown>) => void,
  pc: PostmanContext,
): void {
  if (!Array.isArray(items)) return;
  items.forEach((item, index) => {
    const path = [...at, index];
    if (!isRecord(item)) {
      pc.report(
        "warning",
        POSTMAN_CODES.invalidItem,
        "an item is not an object; it is skipped",
        path,
      );
      return;
    }
    if (Array.isArray(item.item)) {
      visitFolder(item);
      const inner: RequestScope = {
        variables: scope.variables.child(item),
        auth: [{ value: item.auth, at: [...path, "auth"] }, ...scope.auth],
      };
      const name = folderName(item);
      if (name !== undefined) inner.folder = name;
      walk(item.item, [...path, "item"], inner, visitRequest, visitFolder, pc);
    } else if (item.request !== undefined) visitRequest(item, path, scope);
    else
      pc.report(
        "warning",
        POSTMAN_CODES.invalidItem,
        "the item has neither `request` nor `item`; it is skipped",
        path,
      );
  });
}

function folderName(folder: Record<string, unknown>): string | undefined {
  const name = typeof folder.name === "string" ? folder.name.trim() : "";
  return name === "" ? undefined : name;
}

function readInfo(info: unknown): ApiInfo {
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
