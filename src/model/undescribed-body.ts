import type { Reporter } from "./reporter.js";
import type { Endpoint, MediaContent } from "./types.js";

/**
 * Methods whose body a bare signal stands for. Postman exports write a body mode on every request,
 * GET and DELETE included, and Swagger's document-wide `consumes` applies to every operation; on
 * these three methods a body is what the request is for.
 */
const BODY_METHODS = new Set(["post", "put", "patch"]);

/**
 * Turns the endpoint's body signals into a request body when no source describes one: the media
 * types the signals name (in source order; JSON when none names one), each with no schema, so the
 * generated client takes `body?: unknown` and the server hands the body to the handler. Removes the
 * signals either way: they are a reader's note to the model, not part of it.
 */
export function applyBodySignals(endpoint: Endpoint, reporter: Reporter): void {
  const signals = endpoint.bodySignals ?? [];
  delete endpoint.bodySignals;
  if (
    signals.length === 0 ||
    endpoint.requestBody !== undefined ||
    !BODY_METHODS.has(endpoint.method)
  )
    return;
  const mediaTypes: string[] = [];
  for (const signal of signals)
    for (const type of signal.mediaTypes)
      if (!mediaTypes.includes(type)) mediaTypes.push(type);
  if (mediaTypes.length === 0) mediaTypes.push("application/json");
  const content: MediaContent[] = mediaTypes.map((mediaType) => ({
    mediaType,
  }));
  const required = signals.some((s) => s.required);
  endpoint.requestBody = {
    required,
    content,
    sources: signals.map((s) => s.source),
  };
  const at = signals[0]!.source;
  const evidence = [...new Set(signals.map((s) => s.evidence))];
  reporter.report(
    "model/undescribed-body",
    `${endpoint.method.toUpperCase()} ${endpoint.path}: a body is sent (${evidence.join("; ")}) but no source describes it; the generated code takes it as ${mediaTypes.join(" or ")} of unknown shape (${required ? "required" : "optional"})`,
    at,
    signals.slice(1).map((s) => s.source),
  );
}
