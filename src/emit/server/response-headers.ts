import type { ApiModel, Endpoint, Schema } from "../../model/types.js";
import {
  conditionalGroup,
  mainType,
  printBefore,
  propertyKey,
  resolveSchema,
  scalarValues,
  stringLiteral,
} from "../toolkit.js";

/**
 * The `ResponseHeaders` interface of contracts.ts: for each endpoint whose responses declare
 * headers, the headers by status, so a handler's `headers` is checked against them (all optional:
 * the model does not say which are required). Empty when no response declares a header.
 */
export function responseHeadersBlock(model: ApiModel): string {
  const entries = model.endpoints.filter(hasResponseHeaders).map((endpoint) => {
    const statuses = endpoint.responses
      .filter((r) => Object.keys(r.headers ?? {}).length > 0)
      .map((r) => {
        const headers = Object.entries(r.headers!).map(
          ([name, header]) =>
            `      ${propertyKey(name)}${header.required ? "" : "?"}: ${headerValueType(model, header.schema, 7 + propertyKey(name).length + (header.required ? 0 : 1))};\n`,
        );
        return `    ${propertyKey(r.status)}: {\n${headers.join("")}    };\n`;
      });
    return `  ${propertyKey(endpoint.name)}: {\n${statuses.join("")}  };\n`;
  });
  if (entries.length === 0) return "";
  return (
    "/** Response headers the API declares, by endpoint and status. */\n" +
    `export interface ResponseHeaders {\n${entries.join("")}}\n`
  );
}

export function hasResponseHeaders(endpoint: Endpoint): boolean {
  return endpoint.responses.some(
    (r) => Object.keys(r.headers ?? {}).length > 0,
  );
}

/**
 * What a handler may set for a header of this schema, in types node:http can send: numbers,
 * string literals from an enum (when they fit on the line), string lists, else any string.
 */
function headerValueType(
  model: ApiModel,
  schema: Schema | undefined,
  column: number,
): string {
  const resolved = resolveSchema(model.schemas, schema);
  const kind = mainType(resolved);
  if (kind === "array") return "readonly string[]";
  if (kind === "integer" || kind === "number") return "number";
  const values = scalarValues(resolved);
  if (kind !== "boolean" && values?.every((v) => typeof v === "string")) {
    const union = values.map((v) => stringLiteral(v as string)).join(" | ");
    // the literals when they fit on the line (before its `;`), else any string
    return printBefore(conditionalGroup([union, "string"]), ";", { column });
  }
  return "string";
}
