/**
 * Whether an input (or a document's place) is an http(s) URL rather than a file path: fetched by
 * the workflow before the reading (workflow/remote-inputs.ts), shown and named by its URL, and
 * never resolved against a folder.
 */
export function isUrlInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}
