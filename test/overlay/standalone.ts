import type { Path } from "../../src/model/pointer.js";
import type { IngestReporter as Reporter } from "../../src/ingest/codes.js";
import { PendingPlaces } from "../../src/model/diagnostics/source-place.js";
import { parseText } from "../../src/ingest/load.js";
import { applyOverlay, type From } from "../../src/ingest/overlay/apply.js";
import { OverlayBudget } from "../../src/ingest/overlay/bounds.js";
import { OverlaidValue } from "../../src/ingest/overlay/overlaid-value.js";
import {
  readOverlay,
  type Overlay,
} from "../../src/ingest/overlay/overlay-document.js";

/**
 * Parses and checks an overlay's text on its own: undefined, with
 * `overlay/invalid` (or parse) errors reported, when it is not a valid overlay. A ParseError is
 * thrown as parseText throws it.
 */
export function parseOverlay(
  text: string,
  file: string,
  reporter: Reporter,
): Overlay | undefined {
  const parsed = parseText(text, file);
  const doc = parsed[0]!;
  const places = new PendingPlaces(
    file,
    "#",
    (paths) => doc.locateAll?.(paths) ?? paths.map((at) => doc.locate(at)),
  );
  return readOverlay(
    doc.value,
    file,
    (path: Path) => places.place(path),
    reporter,
    doc.rawScalar ? (path) => doc.rawScalar!(path) : undefined,
  );
}

/** `value` with the overlays' actions applied in order (the input's value is not changed). */
export function applyOverlays(
  value: unknown,
  overlays: readonly Overlay[],
  reporter: Reporter,
  input = "the document",
): unknown {
  const doc = new OverlaidValue<From>(value, {
    from: { input: true },
    path: [],
  });
  const budget = new OverlayBudget();
  for (const overlay of overlays)
    applyOverlay(doc, overlay, reporter, input, budget);
  return doc.value;
}
