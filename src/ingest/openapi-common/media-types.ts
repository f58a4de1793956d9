import { baseMediaType } from "../../model/media-types.js";

/** Media types that carry form fields: the only ones a Swagger 2.0 `formData` body can use. */
export function isFormMediaType(mediaType: string): boolean {
  const base = baseMediaType(mediaType);
  return (
    base === "application/x-www-form-urlencoded" ||
    base.startsWith("multipart/")
  );
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
