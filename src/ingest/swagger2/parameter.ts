import { createParameter } from "../../model/factories.js";
import type { Parameter } from "../../model/types.js";
import { extensionsOf } from "../reader.js";
import { child, sourceOf, stringAt } from "../openapi-common/node.js";
import type { ParameterEntry } from "../openapi-common/parameters.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { serializationOf } from "./collection-format.js";
import { inlineSchema } from "./simple-schema.js";

/** A path, query or header parameter (§Parameter Object with `in` other than body/formData). */
export function readParameter(
  reading: SpecReading,
  parameter: ParameterEntry & { in: Parameter["in"] },
): Parameter {
  const { definition } = parameter;
  const raw = definition.value;
  const out = createParameter({
    name: parameter.name,
    in: parameter.in,
    source: sourceOf(parameter.entry),
  });
  if (parameter.in !== "path") out.required = raw.required === true;
  // (only an explicit `false`: 2.0 documents often leave path parameters' `required` out)
  else if (raw.required === false)
    reading.reporter.report(
      "swagger2/optional-path-parameter",
      `path parameter ${JSON.stringify(parameter.name)} must be required; it is read as required`,
      sourceOf(parameter.entry),
    );
  const schema = inlineSchema(reading, definition);
  if (schema !== undefined) out.schema = schema;
  const description = stringAt(definition, "description");
  if (description !== undefined) out.description = description;
  if (raw.type === "array")
    Object.assign(
      out,
      serializationOf(
        reading,
        parameter.in,
        raw.collectionFormat,
        raw.collectionFormat === undefined
          ? definition
          : child(definition, "collectionFormat"),
      ),
    );
  if (raw["x-example"] !== undefined) out.example = raw["x-example"];
  const extensions = extensionsOf(raw);
  if (Object.keys(extensions).length > 0) out.extensions = extensions;
  return out;
}
