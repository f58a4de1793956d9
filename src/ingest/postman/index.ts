import { grouped, packEndpoint } from "../../model/lists.js";
import { pathShape } from "../../model/path-template.js";
import type {
  ApiInfo,
  DocumentModel,
  Endpoint,
  Server,
  Tag,
} from "../../model/types.js";
import { isRecord, valueAt, type ReaderContext } from "../reader.js";
import { postmanAt } from "../detect.js";
import type { PostmanContext } from "./context.js";
import { descriptionText, scalarText } from "./fields.js";
import { readRequest, type RequestScope } from "./request.js";
import { SchemeRegistry } from "./security-schemes.js";
import { VariableScope } from "./variables.js";
import type { Path } from "../../model/pointer.js";

/**
 * Reads a Postman collection (v2.0 or v2.1) into a document model: one endpoint per request,
 * in document order. Folders give tags, and auth that requests inherit.
 */
export function readPostman(ctx: ReaderContext): DocumentModel {
  const at = postmanAt(ctx.doc.value);
  const collection = valueAt(ctx.doc.value, at);
  const root = isRecord(collection) ? collection : {};
  const pc: PostmanContext = {
    ref: (path) => ctx.doc.ref([...at, ...path]),
    reporter: ctx.reporter,
    schemes: new SchemeRegistry(),
    variables: new VariableScope(root.variable, (code, message, path) =>
      pc.reporter.report(code, message, pc.ref(path)),
    ),
  };
  /** Folder names as tags, in order of first appearance; the first description found is theirs. */
  const tags = new Map<string, Tag>();
  const endpoints: Endpoint[] = [];
  // depth-first in document order; a folder passes its auth and name (the tag) down
  const walk = (items: unknown, at: Path, scope: RequestScope): void => {
    if (!Array.isArray(items)) return;
    items.forEach((item, index) => {
      const path = [...at, index];
      const invalid = (message: string) =>
        pc.reporter.report("postman/invalid-item", message, pc.ref(path));
      if (!isRecord(item)) invalid("an item is not an object; it is skipped");
      else if (Array.isArray(item.item)) {
        const inner: RequestScope = {
          auth: [{ value: item.auth, at: [...path, "auth"] }, ...scope.auth],
        };
        const name = typeof item.name === "string" ? item.name.trim() : "";
        if (name !== "") {
          inner.folder = name;
          const description = descriptionText(item.description);
          const tag = tags.get(name) ?? { name };
          if (description !== undefined) tag.description ??= description;
          tags.set(name, tag);
        }
        walk(item.item, [...path, "item"], inner);
      } else if (item.request !== undefined) {
        const endpoint = readRequest(item, path, scope, pc);
        if (endpoint) endpoints.push(packEndpoint(endpoint));
      } else
        invalid("the item has neither `request` nor `item`; it is skipped");
    });
  };
  walk(root.item, ["item"], { auth: [{ value: root.auth, at: ["auth"] }] });
  keepFragmentsThatTellApart(endpoints);
  // a folder that only holds folders tags nothing
  const used = new Set(endpoints.flatMap((e) => e.tags));
  return {
    file: ctx.doc.file,
    format: ctx.doc.format,
    info: readInfo(root.info),
    servers: documentServer(endpoints),
    securitySchemes: pc.schemes.record(),
    schemas: {},
    tags: [...tags.values()].filter((t) => used.has(t.name)),
    endpoints,
  };
}

/**
 * The base most requests use (the first among equals) is the document's server, taken off them;
 * a request sent elsewhere keeps its own, as an OpenAPI operation's `servers`. One route's requests
 * (a Prod and a Staging folder) are one endpoint: at the document's server if one goes there.
 */
function documentServer(endpoints: readonly Endpoint[]): Server[] {
  const uses = grouped(
    endpoints.filter((e) => e.servers),
    (e) => e.servers![0]!.url,
  );
  const most = [...uses.values()].reduce(
    (a, b) => (b.length > a.length ? b : a),
    [],
  );
  const server = most[0]?.servers;
  for (const endpoint of most) delete endpoint.servers;
  const routes = grouped(endpoints, (e) => `${e.method} ${pathShape(e.path)}`);
  for (const route of routes.values())
    if (route.some((e) => !e.servers)) for (const e of route) delete e.servers;
    else for (const e of route) e.servers = route[0]!.servers;
  return server ?? [];
}

/**
 * A URL's fragment is never sent: it stays in the path key (as in OpenAPI's, `/#X-Amz-Target=…`)
 * only where requests to one method and URL differ in it, and goes where it tells none apart.
 */
function keepFragmentsThatTellApart(endpoints: Endpoint[]) {
  const sent = (e: Endpoint) => e.path.split("#")[0]!;
  const routes = grouped(endpoints, (e) => `${e.method} ${pathShape(sent(e))}`);
  for (const group of routes.values())
    if (new Set(group.map((e) => e.path.slice(sent(e).length))).size === 1)
      for (const endpoint of group) endpoint.path = sent(endpoint);
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
  const n = (part: unknown) => (typeof part === "number" ? part : 0);
  const identifier = scalarText(version.identifier);
  return `${n(version.major)}.${n(version.minor)}.${n(version.patch)}${identifier ? `-${identifier}` : ""}`;
}
