import { dirname, resolve } from "node:path";
import { decodeText, type Path } from "../../model/pointer.js";
import type { IngestReporter } from "../codes.js";
import {
  PendingPlaces,
  type DeferredPlaces,
} from "../../model/diagnostics/source-place.js";
import type { SourceRef } from "../../model/types.js";
import { ParseError, type ParsedDocument } from "../parse/parsed-document.js";
import {
  isRecord,
  notAString,
  type SourceDocument,
  uriScheme,
} from "../reader.js";
import { displayPath, inputPlace } from "../../model/source-url.js";
import { applyOverlay, type From } from "./apply.js";
import { OverlayBudget } from "./bounds.js";
import { OverlaidValue } from "./overlaid-value.js";
import { readOverlay, type Overlay } from "./overlay-document.js";

/** An overlay a run lays over its inputs (the config's `overlays`, `--overlay`). */
export interface OverlayOption {
  /** The overlay file, relative to the reading's folder (`cwd`) or absolute. */
  file: string;
  /**
   * The input files (relative to `cwd`, or absolute) it applies to. Without: the inputs its
   * `extends` names (resolved against the overlay's folder), or every input when it names none.
   */
  inputs?: readonly string[];
}

/** What loading overlays needs from the reading (src/ingest/index.ts). */
export interface OverlayLoading {
  cwd: string;
  readText: (absPath: string) => string;
  parse: (text: string, file: string, absPath: string) => ParsedDocument[];
  reporter: IngestReporter;
  /** Reports a file that could not be read, as the reading reports an input's. */
  readFailed: (absPath: string, error: unknown) => void;
  deferred?: DeferredPlaces;
}

interface Loaded {
  overlay: Overlay;
  places: PendingPlaces;
  /** Absolute paths of the inputs it applies to; undefined: every input. */
  applies?: ReadonlySet<string>;
  used: boolean;
}

/** The overlays of a reading, loaded and checked once, laid over each input's documents. */
export class Overlays {
  private readonly loaded: Loaded[] = [];

  private constructor(private readonly loading: OverlayLoading) {}

  /** Reads, parses and checks each overlay; one that fails is reported and left out. */
  static load(
    options: readonly OverlayOption[],
    loading: OverlayLoading,
  ): Overlays {
    const overlays = new Overlays(loading);
    for (const option of options) {
      const absPath = resolve(loading.cwd, option.file);
      const file = displayPath(loading.cwd, absPath);
      let parsed: ParsedDocument[];
      try {
        parsed = loading.parse(loading.readText(absPath), file, absPath);
      } catch (error) {
        if (error instanceof ParseError)
          loading.reporter.report(error.code, error.message, error);
        else loading.readFailed(absPath, error);
        continue;
      }
      const inputs = option.inputs?.map((f) => inputPlace(f, loading.cwd));
      overlays.add(parsed, file, absPath, inputs);
    }
    return overlays;
  }

  /**
   * Takes an input that is an overlay (`overlay` and `actions`, one document: a glob of inputs
   * caught it) as one, after those given: true when it is one, and is no input then.
   */
  adopt(
    parsed: readonly ParsedDocument[],
    file: string,
    absPath: string,
  ): boolean {
    const value = parsed.length === 1 ? parsed[0]!.value : undefined;
    if (!isRecord(value) || !("overlay" in value) || !("actions" in value))
      return false;
    if (!this.loaded.some((l) => l.overlay.absPath === absPath))
      this.add(parsed, file, absPath, undefined);
    return true;
  }

  private add(
    parsed: readonly ParsedDocument[],
    file: string,
    absPath: string,
    inputs: readonly string[] | undefined,
  ): void {
    const { reporter } = this.loading;
    const doc = parsed[0]!;
    const places = new PendingPlaces(
      file,
      "#",
      (paths) => doc.locateAll?.(paths) ?? paths.map((at) => doc.locate(at)),
    );
    this.loading.deferred?.hold(places);
    if (parsed.length > 1)
      return reporter.report(
        "overlay/invalid",
        `an overlay file holds one document, and this one holds ${parsed.length}`,
        { file, line: 1, column: 1 },
      );
    const overlay = readOverlay(
      doc.value,
      absPath,
      (path) => places.place(path),
      reporter,
      doc.rawScalar ? (path) => doc.rawScalar!(path) : undefined,
    );
    if (!overlay) return;
    const applies = inputs
      ? new Set(inputs)
      : overlay.extends !== undefined
        ? new Set(extendsPaths(overlay))
        : undefined;
    this.loaded.push({ overlay, places, applies, used: false });
  }

  settle(): void {
    for (const l of this.loaded) l.places.settle();
  }

  /**
   * The input's documents with every overlay for it applied, in order: a changed document is a new
   * one whose places say where each fact came from (the input, or an overlay's action).
   */
  apply(docs: SourceDocument[]): SourceDocument[] {
    const { reporter } = this.loading;
    return docs.map((doc) => {
      const mine = this.loaded.filter(
        (l) => l.applies === undefined || l.applies.has(doc.absPath),
      );
      if (mine.length === 0) return doc;
      const value = new OverlaidValue<From>(doc.value, {
        from: { input: true },
        path: [],
      });
      let changed = false;
      const budget = new OverlayBudget();
      for (const l of mine) {
        l.used = true;
        changed =
          applyOverlay(value, l.overlay, reporter, doc.file, budget) || changed;
      }
      return changed ? overlaidDocument(doc, value, mine, reporter) : doc;
    });
  }

  reportUnused(): void {
    for (const l of this.loaded)
      if (!l.used)
        this.loading.reporter.report(
          "overlay/no-input",
          l.overlay.extends !== undefined
            ? `the overlay extends ${JSON.stringify(l.overlay.extends)}, which is no input of this run: it changes nothing`
            : `the overlay applies to no input of this run: it changes nothing`,
          l.overlay.place(l.overlay.extends !== undefined ? ["extends"] : []),
        );
  }
}

/**
 * The inputs an overlay's `extends` names: the URI reference resolved against the overlay's own
 * folder, or the path as written there (a hand-written `v1:a.json`, a file named `a%20b.json`).
 */
function extendsPaths(overlay: Overlay): string[] {
  const ref = overlay.extends!;
  const at = (path: string) => resolve(dirname(overlay.absPath), path);
  if (uriScheme(ref) && !/^file:/i.test(ref)) return [ref, at(ref)];
  return [at(decodeText(ref.replace(/^file:(\/\/)?/i, ""))), at(ref)];
}

function overlaidDocument(
  doc: SourceDocument,
  value: OverlaidValue<From>,
  used: readonly Loaded[],
  reporter: IngestReporter,
): SourceDocument {
  return {
    ...doc,
    value: value.value,
    ref(path: Path): SourceRef {
      const origin = value.originOf(path);
      return "input" in origin.from
        ? doc.ref(origin.path)
        : origin.from.overlay.place(origin.path);
    },
    settle() {
      doc.settle();
      for (const l of used) l.places.settle();
    },
    textOf(path: Path, scalar: number | boolean): string {
      const origin = value.originOf(path);
      if ("input" in origin.from) return doc.textOf(origin.path, scalar);
      return notAString(
        reporter,
        path,
        scalar,
        origin.from.overlay.rawScalar?.(origin.path),
        origin.from.overlay.place(origin.path),
        true,
      );
    },
  };
}
