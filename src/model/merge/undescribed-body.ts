import type { ModelReporter } from "../diagnostics/codes.js";
import type { BodySignal, Endpoint, MediaContent } from "../types.js";

/**
 * Methods whose body a bare signal stands for: Postman writes a body mode on every request, and
 * Swagger's document-wide `consumes` applies to every operation.
 */
const BODY_METHODS = new Set(["post", "put", "patch"]);

/**
 * Turns the endpoint's body signals into a request body of unknown schema when no source
 * describes one and one signal is evidence (a hint alone is not: Swagger 2.0 says an operation
 * without a body parameter takes none). Removes the signals either way.
 */
export function applyBodySignals(
  endpoint: Endpoint,
  reporter: ModelReporter,
): void {
  // evidence first (it is what the diagnostic points at), then hints
  const signals = [...(endpoint.bodySignals ?? [])].sort(
    (a, b) => Number(a.hint === true) - Number(b.hint === true),
  );
  delete endpoint.bodySignals;
  if (
    !signals.some((s) => s.hint !== true) ||
    endpoint.requestBody !== undefined ||
    !BODY_METHODS.has(endpoint.method)
  )
    return;
  const mediaTypes: string[] = [];
  const add = (list: BodySignal[]) => {
    for (const signal of list)
      for (const type of signal.mediaTypes)
        if (!mediaTypes.includes(type)) mediaTypes.push(type);
  };
  add(signals.filter((s) => s.hint !== true));
  if (mediaTypes.length === 0) add(signals.filter((s) => s.hint === true));
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
