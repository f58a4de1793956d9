import { schemaRefName } from "../schema/ref.js";
import { withoutAnnotations } from "../schema/schema.js";
import { joined, packed } from "../lists.js";
import { offer, type EndpointOffer } from "./endpoint-offer.js";
import { pathVariables } from "../path-template.js";
import { canonicalJson, compareSources, pickWinner } from "./rank.js";
import type { ModelReporter } from "../diagnostics/codes.js";
import { placeText } from "../diagnostics/source-place.js";
import type { Endpoint, Parameter, ParameterLocation } from "../types.js";

/**
 * One location's parameters of every view, merged by name (headers case-insensitively): the
 * richest schema wins by the rule of src/model/merge/rank.ts, and a conflict names both places.
 */
export function mergeParameters(
  views: EndpointOffer[],
  location: ParameterLocation,
  merged: Endpoint,
  reporter: ModelReporter,
): Parameter[] {
  if (views.every((view) => view.endpoint.parameters[location].length === 0))
    return [];
  const out =
    soleParameters(views, location) ??
    gatheredParameters(views, location, merged, reporter);
  if (location === "path") {
    // path parameters follow the template's order
    const order = pathVariables(merged.path);
    out.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  }
  return packed(out);
}

/**
 * One location's parameters of a single view whose names differ (headers case aside): each its
 * sole parameter, in order; undefined for any other views.
 */
function soleParameters(
  views: EndpointOffer[],
  location: ParameterLocation,
): Parameter[] | undefined {
  if (views.length !== 1) return undefined;
  const parameters = views[0]!.endpoint.parameters[location];
  for (let i = 1; i < parameters.length; i++)
    for (let j = 0; j < i; j++)
      if (
        byNameKey(parameters[i]!, location) ===
        byNameKey(parameters[j]!, location)
      )
        return undefined;
  return parameters.map((parameter) => soleParameter(parameter, location));
}

/** What parameters are merged by: the name, a header's case aside. */
function byNameKey(parameter: Parameter, location: ParameterLocation): string {
  return location === "header" ? parameter.name.toLowerCase() : parameter.name;
}

/** Every view's parameters of one location gathered by name, unordered. */
function gatheredParameters(
  views: EndpointOffer[],
  location: ParameterLocation,
  merged: Endpoint,
  reporter: ModelReporter,
): Parameter[] {
  const byName = new Map<
    string,
    { view: EndpointOffer; parameter: Parameter }[]
  >();
  for (const view of views) {
    for (const parameter of view.endpoint.parameters[location]) {
      const key = byNameKey(parameter, location);
      let list = byName.get(key);
      if (!list) byName.set(key, (list = []));
      list.push({ view, parameter });
    }
  }
  const out: Parameter[] = [];
  for (const list of byName.values())
    out.push(
      list.length === 1
        ? soleParameter(list[0]!.parameter, location)
        : mergedParameter(list, location, merged, reporter),
    );
  return out;
}

/** What one view offering a parameter gives: {@link mergedParameter} of that one offer. */
export function soleParameter(
  parameter: Parameter,
  location: ParameterLocation,
): Parameter {
  // its schema, description and example win uncontested; its sources sorted
  const sole: Parameter = {
    ...parameter,
    sources: parameter.sources.slice().sort(compareSources),
  };
  sole.required = location === "path" || Boolean(parameter.required);
  return sole;
}

/** The parameters of one name that the views offer, as one. */
export function mergedParameter(
  list: readonly { view: EndpointOffer; parameter: Parameter }[],
  location: ParameterLocation,
  merged: Endpoint,
  reporter: ModelReporter,
): Parameter {
  const lead = list[0]!.parameter;
  const typed = list.filter((entry) => entry.parameter.schema !== undefined);
  const schemaWinner = pickWinner(
    typed.map((entry) =>
      offer(
        entry.view,
        entry,
        Object.keys(entry.parameter.schema!).length,
        entry.parameter.sources[0],
      ),
    ),
  );
  // one typed offer cannot conflict: no need to print its schema. Two schemas conflict by what
  // they allow, not by their annotations (an `examples` list, a description)
  const distinct = new Map<string, Parameter>();
  if (typed.length > 1)
    for (const entry of typed)
      distinct.set(
        canonicalJson(withoutAnnotations(entry.parameter.schema!)),
        entry.parameter,
      );
  if (distinct.size > 1 && schemaWinner) {
    const [first, second] = [...distinct.values()].sort((a, b) =>
      compareSources(a.sources[0]!, b.sources[0]!),
    );
    const at = first!.sources[0]!;
    reporter.report(
      "merge/parameter-type-conflict",
      `${merged.method.toUpperCase()} ${merged.path}: ${location} parameter '${lead.name}' has different types ` +
        `(${describeSchema(first!)} here, ${describeSchema(second!)} at ${placeText(second!.sources[0]!)}); ` +
        `using ${describeSchema(schemaWinner.value.parameter)} from ${placeText(schemaWinner.source)}`,
      at,
      [second!.sources[0]!],
    );
  }
  const base = schemaWinner?.value.parameter ?? lead;
  const parameter: Parameter = {
    ...base,
    sources: joined(list.map((e) => e.parameter.sources)).sort(compareSources),
  };
  parameter.required =
    location === "path" || list.some((e) => e.parameter.required);
  const description = pickWinner(
    list.flatMap((e) =>
      e.parameter.description
        ? [
            offer(
              e.view,
              e.parameter.description,
              e.parameter.description.length,
              e.parameter.sources[0],
            ),
          ]
        : [],
    ),
  );
  if (description) parameter.description = description.value;
  if (parameter.example === undefined) {
    const example = list.find((e) => e.parameter.example !== undefined);
    if (example) parameter.example = example.parameter.example;
  }
  return parameter;
}

function describeSchema(parameter: Parameter): string {
  const schema = parameter.schema ?? {};
  const type = Array.isArray(schema.type)
    ? schema.type.join("|")
    : (schema.type ??
      (schema.$ref ? (schemaRefName(schema.$ref) ?? schema.$ref) : "any"));
  return schema.format ? `${type} (${schema.format})` : String(type);
}
