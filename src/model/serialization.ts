import type { Parameter, ParameterLocation, ParameterStyle } from "./types.js";

/** The styles each location allows, its default first (OpenAPI 3.1 §4.8.12.4 Style Values). */
const LOCATION_STYLES: Readonly<
  Record<ParameterLocation, readonly ParameterStyle[]>
> = {
  path: ["simple", "label", "matrix"],
  query: ["form", "spaceDelimited", "pipeDelimited", "deepObject"],
  header: ["simple"],
  cookie: ["form"],
};

export function isLocationStyle(
  location: ParameterLocation,
  style: string,
): style is ParameterStyle {
  return (LOCATION_STYLES[location] as readonly string[]).includes(style);
}

/** A parameter's (or url-encoded form field's) style when none is given (OpenAPI 3.1 §4.8.12.4). */
export function defaultStyle(location: ParameterLocation): ParameterStyle {
  return LOCATION_STYLES[location][0]!;
}

/** True for `form` (and `deepObject`, which has no other meaning). */
export function defaultExplode(style: string): boolean {
  return style === "form" || style === "deepObject";
}

export function resolveSerialization(
  location: ParameterLocation,
  declared: { style?: ParameterStyle; explode?: boolean },
) {
  const style = declared.style ?? defaultStyle(location);
  return { style, explode: declared.explode ?? defaultExplode(style) };
}

/** A parameter's serialization: what buildModel stored, or (a hand-made model) the rule now. */
export function serializationOf(parameter: Parameter) {
  return (
    parameter.serialization ?? resolveSerialization(parameter.in, parameter)
  );
}
