import type { ModelReporter } from "../diagnostics/codes.js";
import type { Endpoint } from "../types.js";

/**
 * Methods whose body a signal stands for: Postman writes a body mode on every request, Swagger's
 * document-wide `consumes` applies to every operation, and so may a `Content-Type` parameter.
 */
const BODY_METHODS = new Set(["post", "put", "patch"]);

/** Drops the body signals: an unknown body on evidence (docs/inputs.md, "Swagger 2.0 bodies"). */
export function applyBodySignals(endpoint: Endpoint, reporter: ModelReporter) {
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
  const named = (hint: boolean) => [
    ...new Set(
      signals.flatMap((s) => ((s.hint === true) === hint ? s.mediaTypes : [])),
    ),
  ];
  let mediaTypes = named(false);
  if (mediaTypes.length === 0) mediaTypes = named(true);
  if (mediaTypes.length === 0) mediaTypes = ["application/json"];
  const required = signals.some((s) => s.required);
  endpoint.requestBody = {
    required,
    content: mediaTypes.map((mediaType) => ({ mediaType })),
    sources: signals.map((s) => s.source),
  };
  const evidence = [...new Set(signals.map((s) => s.evidence))];
  reporter.report(
    "model/undescribed-body",
    `${endpoint.method.toUpperCase()} ${endpoint.path}: a body is sent (${evidence.join("; ")}) but no source describes it; the generated code takes it as ${mediaTypes.join(" or ")} of unknown shape (${required ? "required" : "optional"})`,
    signals[0]!.source,
    signals.slice(1).map((s) => s.source),
  );
}
