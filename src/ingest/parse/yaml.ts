import { CORE_SCHEMA, loadAll } from "js-yaml";
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from "yaml";
import type { Path } from "../../model/pointer.js";
import {
  ParseError,
  type ParsedDocument,
  type ParseWarning,
} from "./parsed-document.js";

/**
 * Parses a YAML stream into its non-empty documents. The seeds start and end with `---`, which
 * makes an empty trailing document: it is dropped. Positions come from the document's own nodes,
 * which `toJS` needs anyway, so they cost nothing extra.
 *
 * Real specs hold YAML that strict YAML 1.2 rejects but every other tool reads (Docker's has
 * multi-line quoted strings indented less than their key). When `yaml` reports an error, the
 * text is read again with js-yaml, which is lenient there; if that succeeds its values are used,
 * `yaml`'s nodes still give the positions, and a warning names the place. Only text neither
 * parser accepts is an error.
 */
export function parseYamlStream(
  text: string,
  file: string,
  warnings: ParseWarning[] = [],
): ParsedDocument[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    uniqueKeys: false,
    merge: true,
    prettyErrors: false,
  });
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) {
    // parseAllDocuments returns an EmptyStream for a text with no documents at all.
    return [];
  }
  const firstError = list.flatMap((doc) => doc.errors)[0];
  let lenient: unknown[] | undefined;
  if (firstError) {
    const at = lineCounter.linePos(firstError.pos[0]);
    try {
      lenient = loadAll(text, undefined, { schema: CORE_SCHEMA }).filter(
        (value) => value !== null && value !== undefined,
      );
    } catch {
      throw new ParseError(
        `invalid YAML: ${firstLine(firstError.message)}`,
        file,
        at.line,
        at.col,
        "parse/invalid-yaml",
      );
    }
    warnings.push({
      message: `YAML 1.2 does not allow this (${firstLine(firstError.message)}); read it the way lenient parsers do`,
      line: at.line,
      column: at.col,
    });
  }
  const out: ParsedDocument[] = [];
  const composed = list.filter((doc) => doc.contents !== null);
  if (lenient) {
    // positions from `yaml`'s nodes where its documents line up with the lenient ones
    lenient.forEach((value, i) =>
      out.push(
        new YamlDocument(composed[i] ?? composed[0]!, value, lineCounter),
      ),
    );
    return out;
  }
  for (const doc of composed) {
    const value = doc.toJS({ maxAliasCount: -1 });
    if (value === null || value === undefined) continue;
    out.push(new YamlDocument(doc, value, lineCounter));
  }
  return out;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

class YamlDocument implements ParsedDocument {
  constructor(
    private readonly doc: Document,
    readonly value: unknown,
    private readonly lines: LineCounter,
  ) {}

  locate(path: Path): { line: number; column: number } {
    let node: unknown = this.doc.contents;
    let offset = (node as Node | null)?.range?.[0] ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && keyText(item.key) === String(segment),
        );
        if (!pair) break;
        offset = (pair.key as Node | null)?.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else {
        break;
      }
    }
    const at = this.lines.linePos(offset);
    return { line: at.line, column: at.col };
  }
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}
