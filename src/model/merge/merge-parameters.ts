import { schemaRefName } from "../schema/ref.js";
import { withoutAnnotations } from "../schema/schema.js";
import { grouped, joined } from "../lists.js";
import { sortByTemplate } from "../path-template.js";
import { parameterKey } from "../factories.js";
import { canonicalJson } from "../order.js";
import {
  compareSources,
  longestText,
  offer,
  pickWinner,
  type EndpointOffer,
} from "./rank.js";
import type { ModelReporter } from "../diagnostics/codes.js";
import { placeText } from "../diagnostics/source-place.js";
import type { Endpoint, Parameter, ParameterLocation } from "../types.js";

/** One location's parameters of every view, merged by name: the richest schema wins (rank.ts). */
export function mergeParameters(
  views: EndpointOffer[],
  location: ParameterLocation,
  merged: Endpoint,
  reporter: ModelReporter,
): Parameter[] {
  let out =
    views.length === 1
      ? soleParameters(views[0]!.endpoint.parameters[location], location)
      : undefined;
  if (!out) {
    const byName = grouped(
      views.flatMap((view) =>
        view.endpoint.parameters[location].map((parameter) => ({
          view,
          parameter,
        })),
      ),
      ({ parameter }) => parameterKey(parameter),
    );
    out = [...byName.values()].map((list) =>
      mergedParameter(list, location, merged, reporter),
    );
  }
  if (location === "path" && out.length > 1) sortByTemplate(out, merged.path);
  return out;
}

/** {@link mergedParameter} of each of one view's parameters; undefined when two share a name. */
function soleParameters(
  list: readonly Parameter[],
  location: ParameterLocation,
): Parameter[] | undefined {
  if (new Set(list.map(parameterKey)).size < list.length) return undefined;
  return list.map((p) => ({
    ...p,
    sources: p.sources.slice().sort(compareSources),
    required: location === "path" || Boolean(p.required),
  }));
}

const TEXT = canonicalJson({ type: "string" });

/** The parameters of one name that the views offer, as one. */
function mergedParameter(
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
  const distinct = disagreeing(typed);
  if (distinct.length > 1 && schemaWinner) {
    const [first, second] = distinct.sort((a, b) =>
      compareSources(a.sources[0]!, b.sources[0]!),
    );
    reporter.report(
      "merge/parameter-type-conflict",
      `${merged.method.toUpperCase()} ${merged.path}: ${location} parameter '${lead.name}' has different types ` +
        `(${describeSchema(first!, second)} here, ${describeSchema(second!, first)} at ${placeText(second!.sources[0]!)}); ` +
        `using ${describeSchema(schemaWinner.value.parameter)} from ${placeText(schemaWinner.source)}`,
      first!.sources[0]!,
      [second!.sources[0]!],
    );
  }
  const parameter: Parameter = {
    ...(schemaWinner?.value.parameter ?? lead),
    sources: joined(list.map((e) => e.parameter.sources)).sort(compareSources),
  };
  parameter.required =
    location === "path" || list.some((e) => e.parameter.required);
  const description = longestText(
    list,
    (e) => e.view,
    (e) => e.parameter.description,
    (e) => e.parameter.sources[0],
  );
  if (description) parameter.description = description;
  if (parameter.example === undefined) {
    const example = list.find((e) => e.parameter.example !== undefined);
    if (example) parameter.example = example.parameter.example;
  }
  return parameter;
}

function describeSchema(parameter: Parameter, other?: Parameter): string {
  const schema = parameter.schema ?? {};
  const type = Array.isArray(schema.type)
    ? schema.type.join("|")
    : (schema.type ??
      (schema.$ref ? (schemaRefName(schema.$ref) ?? schema.$ref) : "any"));
  const label = schema.format ? `${type} (${schema.format})` : String(type);
  if (!other) return label;
  // beside the other parameter's schema: the keywords that tell them apart (`enum`, `default`…)
  const mine = withoutAnnotations(schema) as Record<string, unknown>;
  const theirs = withoutAnnotations(other.schema ?? {}) as typeof mine;
  const apart = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])]
    .filter((k) => !["type", "format", "$ref"].includes(k))
    .filter((k) => canonicalJson(mine[k]) !== canonicalJson(theirs[k]))
    .map((k) => `${k} ${shortJson(mine[k])}`);
  return apart.length === 0 ? label : `${label} with ${apart.join(", ")}`;
}

/**
 * One parameter per schema the entries disagree on: by what they allow, not by their annotations.
 * A Postman parameter is text, which disagrees with nothing, unless a stand-in (`<integer>`)
 * types it: then it disagrees with a declared schema only where it says something else.
 */
function disagreeing(
  typed: readonly { view: EndpointOffer; parameter: Parameter }[],
): Parameter[] {
  if (typed.length < 2) return [];
  // a `$ref` alone is the schema it names
  const allows = ({ view, parameter }: (typeof typed)[number]) => {
    const { $ref, ...rest } = parameter.schema!;
    const name = Object.keys(rest).length === 0 && $ref && schemaRefName($ref);
    const named = name && view.schemas && Object.hasOwn(view.schemas, name);
    const schema = named ? view.schemas![name]!.schema : parameter.schema!;
    return withoutAnnotations(schema) as Record<string, unknown>;
  };
  const read = typed.map((entry) => ({ entry, schema: allows(entry) }));
  const declared = read.filter((r) => !r.entry.view.guessesTypes);
  const distinct = new Map<string, Parameter>();
  for (const { entry, schema } of read) {
    const guess = entry.view.guessesTypes;
    if (guess && canonicalJson(schema) === TEXT) continue;
    if (guess && declared.some((d) => saysNoMore(schema, d.schema))) continue;
    distinct.set(canonicalJson(schema), entry.parameter);
  }
  return [...distinct.values()];
}

/** Whether every keyword of `guess` has the value it has in `declared`. */
function saysNoMore(
  guess: Record<string, unknown>,
  declared: Record<string, unknown>,
): boolean {
  return Object.keys(guess).every(
    (k) => canonicalJson(guess[k]) === canonicalJson(declared[k]),
  );
}

/** A keyword's value for a message: its JSON, cut at 60 characters; `none` when absent. */
function shortJson(value: unknown): string {
  if (value === undefined) return "none";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
