import type { DocumentModel } from "../../model/types.js";
import type { ReaderContext } from "../reader.js";
import { child } from "../openapi-common/node.js";
import { readPaths } from "../openapi-common/paths.js";
import { SpecReading } from "../openapi-common/reading.js";
import { readSecurityRequirements } from "../openapi-common/security.js";
import { readOperation, readServers } from "./operation.js";
import { readSecuritySchemes } from "./security-schemes.js";
import { additionalOperations, reportUnread32 } from "./v32.js";
import { readWebhooks } from "./webhooks.js";

/**
 * Reads an OpenAPI 3.0, 3.1 or 3.2 document (3.2's additions: v32.ts). The two differ in their schema dialect (the converter
 * handles `nullable` against type arrays) and in what may be referenced (`components.pathItems`,
 * `$ref` siblings in 3.1); everything else is one code path. Sections cited are OpenAPI 3.1's.
 */
export function readOpenApi3(ctx: ReaderContext): DocumentModel {
  // 3.2's schemas are 3.1's dialect (JSON Schema 2020-12)
  const dialect = ctx.doc.format === "openapi3.0" ? "openapi3.0" : "openapi3.1";
  const reading = new SpecReading(ctx, "openapi3", dialect, [
    "components",
    "schemas",
  ]);
  const { root } = reading;
  reading.schemas.convertHome();
  readSecuritySchemes(reading);
  const defaultSecurity = readSecurityRequirements(
    reading,
    child(root, "security"),
  );
  const endpoints = readPaths(
    reading,
    child(root, "paths"),
    (site) => readOperation(reading, site, defaultSecurity),
    (pathItem, path) => additionalOperations(reading, pathItem, path),
  );
  const webhooks = readWebhooks(
    reading,
    child(root, "webhooks"),
    defaultSecurity,
  );
  reportUnread32(reading);
  const model = reading.model(endpoints, () =>
    readServers(reading, child(root, "servers")),
  );
  return webhooks ? { ...model, webhooks } : model;
}
