import type {
  Parameter,
  ParameterLocation,
  ParameterStyle,
  Serialization,
} from "./types.js";

/** The styles each location allows (OpenAPI 3.1 §4.8.12.4 Style Values). */
export const LOCATION_STYLES: Readonly<
  Record<ParameterLocation, readonly ParameterStyle[]>
> = {
  path: ["simple", "label", "matrix"],
  query: ["form", "spaceDelimited", "pipeDelimited", "deepObject"],
  header: ["simple"],
  cookie: ["form"],
};

/** True when `style` is one the location allows. */
export function isLocationStyle(
  location: ParameterLocation,
  style: string,
): style is ParameterStyle {
  return (LOCATION_STYLES[location] as readonly string[]).includes(style);
}

/**
 * How a parameter (or a url-encoded form field, which is read as a query parameter) is written on
 * the wire when its description leaves `style` or `explode` out: OpenAPI 3.1 §4.8.12.4, the one
 * place this rule lives. buildModel stores the result on every parameter (`serialization`).
 */
export function defaultStyle(location: ParameterLocation): ParameterStyle {
  return location === "query" || location === "cookie" ? "form" : "simple";
}

/** `explode` defaults to true for `form` (and `deepObject`, which has no other meaning), else false. */
export function defaultExplode(style: string): boolean {
  return style === "form" || style === "deepObject";
}

/** The style and explode a parameter is sent with, its declared ones or the location's defaults. */
export function resolveSerialization(
  location: ParameterLocation,
  declared: { style?: ParameterStyle; explode?: boolean },
): Serialization {
  const style = declared.style ?? defaultStyle(location);
  const explode = declared.explode ?? defaultExplode(style);
  return { style, explode };
}

/**
 * A parameter's resolved serialization: what buildModel stored, or (for a parameter that did not
 * come through buildModel, as in a hand-made model) the same rule applied now.
 */
export function serializationOf(parameter: Parameter): Serialization {
  return (
    parameter.serialization ?? resolveSerialization(parameter.in, parameter)
  );
}
