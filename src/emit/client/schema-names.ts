import {
  CLIENT_EXPORT_NAMES,
  compareCodeUnits,
  fileStart,
  schemaTypeName,
} from "../toolkit.js";
import type { Reporter, TypeIndex } from "../artifact.js";
import type { ApiModel } from "../../model/types.js";

/**
 * A warning for each schema whose type name is one client/index.ts exports itself (`ApiError`):
 * the name layer (type-index/names.ts) gives the schema another name, and a user looking for the
 * one the description uses learns which.
 */
export function schemaNameDiagnostics(
  model: ApiModel,
  index: TypeIndex,
  reporter: Reporter,
): void {
  for (const name of Object.keys(model.schemas).sort(compareCodeUnits)) {
    const wanted = schemaTypeName(name);
    if (!CLIENT_EXPORT_NAMES.includes(wanted)) continue;
    reporter.report(
      "client/schema-renamed",
      `the schema ${JSON.stringify(name)} is \`${index.schemaTypeName(name)}\` in types.ts and client/index.ts: ` +
        `the client exports its own \`${wanted}\``,
      model.schemas[name]!.sources[0] ?? fileStart(""),
    );
  }
}
