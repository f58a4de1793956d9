import { addParameter, createParameter } from "../../model/factories.js";
import { isRecord } from "../reader.js";
import type { Endpoint, Parameter } from "../../model/types.js";
import { addAccepted, addMediaTypes } from "../../model/media-types.js";
import { child, isRecordNode, sourceOf, type Node } from "./node.js";
import type { ParameterEntry } from "./parameters.js";
import type { SpecReading } from "./reading.js";
import { schemeForAuthorizationHeader } from "./security.js";

export interface HeaderEvidence {
  /** Media types from `Accept` values: the responses' media types. */
  accept: string[];
  /** Media types from `Content-Type` values: the request body's media types. */
  contentType: string[];
  contentTypeAt?: Node;
  /** The Content-Type parameter says `required: true`. */
  contentTypeRequired?: boolean;
  authorization?: { at: Node; values: unknown[] };
}

/**
 * A parameter, added to the endpoint unless it is an `Accept`, `Content-Type` or `Authorization`
 * header: OpenAPI 3.1 §4.8.12.1 ignores those, but hand-written specs declare them, so their
 * `values` (enum, default, example) are evidence that {@link applyEvidence} moves where it belongs.
 * `read` reads the reader's own fields. One `in` none of `locations` is reported and skipped.
 */
export function takeParameter(
  reading: SpecReading,
  endpoint: Endpoint,
  evidence: HeaderEvidence,
  parameter: ParameterEntry,
  locations: readonly Parameter["in"][],
  values: () => readonly unknown[],
  read: (out: Parameter, parameter: ParameterEntry) => void,
): void {
  if (!locations.some((l) => l === parameter.in))
    return reading.report(
      "invalid-parameter",
      `parameter ${JSON.stringify(parameter.name)} has unknown location ${JSON.stringify(parameter.in)}; it is skipped`,
      child(parameter.definition, "in"),
    );
  const at = parameter.entry;
  const special = parameter.in === "header" ? parameter.name.toLowerCase() : "";
  if (special === "authorization")
    evidence.authorization = { at, values: [...values()] };
  else if (special === "accept" || special === "content-type") {
    const list = special === "accept" ? evidence.accept : evidence.contentType;
    for (const mediaType of mediaTypesFromValues(values()))
      if (!list.includes(mediaType)) list.push(mediaType);
    if (special === "content-type") {
      evidence.contentTypeAt = at;
      if (isRecordNode(at) && at.value.required === true)
        evidence.contentTypeRequired = true;
    }
  } else {
    const raw = parameter.definition.value;
    const path = parameter.in === "path";
    const out = createParameter({
      name: parameter.name,
      in: parameter.in as Parameter["in"],
      source: sourceOf(at),
      required: path || raw.required === true,
    });
    // Swagger 2.0 documents often leave a path parameter's `required` out: only `false` is said
    const optional =
      reading.reader === "swagger2"
        ? raw.required === false && "swagger2/optional-path-parameter"
        : raw.required !== true && "openapi3/optional-path-parameter";
    if (path && optional)
      reading.reporter.report(
        optional,
        `path parameter ${JSON.stringify(parameter.name)} must be required; it is read as required`,
        sourceOf(at),
      );
    read(out, parameter);
    // openapi.json's parameter no input typed: the `{}` written for it is no type either
    if (raw["x-apiloom-untyped"] === true && !Object.keys(out.schema ?? {})[0])
      delete out.schema;
    // OpenAPI 3.2 lets a path parameter keep reserved characters too; Azure's extension says so
    if (
      (raw.allowReserved === true || raw["x-ms-skip-url-encoding"] === true) &&
      (path || parameter.in === "query")
    )
      out.allowReserved = true;
    const extensions = reading.ctx.extensions(parameter.definition);
    if (Object.keys(extensions).length > 0) out.extensions = extensions;
    addParameter(endpoint.parameters, out);
  }
}

/**
 * The media types an `Accept` or `Content-Type` header's values name: lists split, parameters
 * (`;q=0.8`) dropped, and wildcards ignored, as they say nothing about what the API speaks.
 */
export function mediaTypesFromValues(values: readonly unknown[]): string[] {
  const types = values.flatMap((value) =>
    typeof value === "string"
      ? value.split(",").map((part) => part.split(";")[0]!.trim())
      : [],
  );
  return [...new Set(types.filter((t) => /^[\w.+-]+\/[\w.+-]+$/.test(t)))];
}

/** The values a schema (or a Swagger 2.0 parameter or items) names: `enum`, `default`, `example`. */
export function namedValues(raw: unknown, example: string): unknown[] {
  if (!isRecord(raw)) return [];
  const named = [raw.default, raw[example]].filter((v) => v !== undefined);
  return Array.isArray(raw.enum) ? [...raw.enum, ...named] : named;
}

/** Applies the evidence once the endpoint's own body, responses and security are read. */
export function applyEvidence(
  reading: SpecReading,
  endpoint: Endpoint,
  evidence: HeaderEvidence,
): void {
  addAccepted(endpoint.responses, evidence.accept);
  if (endpoint.requestBody)
    addMediaTypes(endpoint.requestBody.content, evidence.contentType);
  else if (evidence.contentTypeAt)
    // a body no source describes: the model decides (src/model/merge/undescribed-body.ts)
    (endpoint.bodySignals ??= []).push({
      mediaTypes: evidence.contentType,
      required: evidence.contentTypeRequired === true,
      evidence: "a Content-Type header parameter",
      source: sourceOf(evidence.contentTypeAt),
    });
  if (evidence.authorization && endpoint.security === undefined) {
    const { at, values } = evidence.authorization;
    endpoint.security = [
      { [schemeForAuthorizationHeader(reading, at, values)]: [] },
    ];
  }
}
