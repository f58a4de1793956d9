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
import { ParseError, type ParsedDocument } from "./parsed-document.js";

/**
 * Parses a YAML stream into its non-empty documents. The seeds start and end with `---`, which
 * makes an empty trailing document: it is dropped. Positions come from the document's own nodes,
 * which `toJS` needs anyway, so they cost nothing extra.
 */
export function parseYamlStream(text: string, file: string): ParsedDocument[] {
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
  const out: ParsedDocument[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const at = lineCounter.linePos(error.pos[0]);
      throw new ParseError(
        `invalid YAML: ${firstLine(error.message)}`,
        file,
        at.line,
        at.col,
        "parse/invalid-yaml",
      );
    }
    if (doc.contents === null) continue;
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
