import { packEndpoint } from "../../model/lists.js";
import type { DocumentModel, Endpoint } from "../../model/types.js";
import { isRecord, type ReaderContext } from "../reader.js";
import { postmanContext, type CollectionState } from "./context.js";
import { descriptionText } from "./fields.js";
import { readInfo } from "./info.js";
import { readRequest } from "./request.js";
import { SchemeRegistry } from "./security-schemes.js";
import { ServerRegistry } from "./servers.js";
import { TagRegistry } from "./tags.js";
import { VariableScope } from "./variables.js";
import { walkItems } from "./walk.js";

/**
 * Reads a Postman collection (v2.0 or v2.1) into a document model: one endpoint per request,
 * in document order. Folders give tags, and variables and auth that requests inherit.
 */
export function readPostman(ctx: ReaderContext): DocumentModel {
  const pc = postmanContext(ctx);
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
