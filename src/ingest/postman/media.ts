import { baseMediaType } from "../../model/media-types.js";
import { hasPlaceholder } from "./variables.js";

/** Postman's body `options.raw.language` and a saved response's `_postman_previewlanguage`. */
const LANGUAGE_MEDIA_TYPES: Record<string, string> = {
  json: "application/json",
  xml: "application/xml",
  text: "text/plain",
  html: "text/html",
  javascript: "application/javascript",
  graphql: "application/graphql",
};

export function mediaTypeOfLanguage(language: unknown): string | undefined {
  const name = typeof language === "string" ? language.toLowerCase() : "";
  return Object.hasOwn(LANGUAGE_MEDIA_TYPES, name)
    ? LANGUAGE_MEDIA_TYPES[name]
    : undefined;
}

/** `type/subtype` of a Content-Type value, parameters dropped; undefined for no usable value. */
export function mediaType(value: string | undefined): string | undefined {
  if (value === undefined || hasPlaceholder(value)) return undefined;
  const type = baseMediaType(value);
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+*-]+$/.test(type)
    ? type
    : undefined;
}
