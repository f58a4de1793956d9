import type { DocumentModel } from "../../model/types.js";
import type { ReaderContext } from "../reader.js";
import { readInfo, readTags } from "../openapi-common/info.js";
import { child, stringsAt } from "../openapi-common/node.js";
import { readPaths } from "../openapi-common/paths.js";
import { SpecReading } from "../openapi-common/reading.js";
import { readSecurityRequirements } from "../openapi-common/security.js";
import { readOperation, type Swagger2Defaults } from "./operation.js";
import { readSecurityDefinitions } from "./security-definitions.js";
import { readServers } from "./servers.js";

/**
 * Reads a Swagger 2.0 document natively (no upgrade to OpenAPI 3 first, which loses `consumes`,
 * collection formats and positions). Spec sections cited are those of Swagger 2.0.
 */
export function readSwagger2(ctx: ReaderContext): DocumentModel {
  const reading = new SpecReading(ctx, "swagger2", "swagger2", ["definitions"]);
  const { root } = reading;
  reading.schemas.convertHome();
  readSecurityDefinitions(reading);
  const defaults: Swagger2Defaults = {
    consumes: stringsAt(root, "consumes") ?? [],
    produces: stringsAt(root, "produces") ?? [],
    security: readSecurityRequirements(reading, child(root, "security")),
  };
  const endpoints = readPaths(reading, child(root, "paths"), (site) =>
    readOperation(reading, site, defaults),
  );
  reading.finish();
  return {
    file: ctx.doc.file,
    format: ctx.doc.format,
    info: readInfo(reading),
    servers: readServers(reading),
    securitySchemes: reading.securitySchemes,
    schemas: reading.schemas.schemas,
    tags: readTags(reading),
    endpoints,
  };
}
