import { baseMediaType } from "../../model/media-types.js";
import { hasPlaceholder } from "./variables.js";

/** Postman's body `options.raw.language` and a saved response's `_postman_previewlanguage`. */
const LANGUAGE_MEDIA_TYPES = new Map([
  ["json", "application/json"],
  ["xml", "application/xml"],
  ["text", "text/plain"],
  ["html", "text/html"],
  ["javascript", "application/javascript"],
  ["graphql", "application/graphql"],
]);

export function mediaTypeOfLanguage(language: unknown): string | undefined {
  return typeof language === "string"
    ? LANGUAGE_MEDIA_TYPES.get(language.toLowerCase())
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
