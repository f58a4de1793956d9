import type { TextOut } from "../shared/text-parts.js";

/**
 * Texts a file needs only once it is written, held in blocks of more than 128 KB: the
 * validators' functions (GitHub: ~6 MB) are compiled before the constants and imports that
 * precede them in their file are known, so they wait until the module is finished. Held one
 * string each (most of them ropes), they survived every scavenge of the emission, copied
 * twice and then promoted to the old generation. A string over 128 KB is made in V8's
 * large-object space, whose pages a scavenge moves without copying them; so the texts are
 * joined into such blocks as they come, and only the few last ones are ever copied. A block goes
 * to the file as it is (the CLI writes it a slice at a time: workflow/text-chunks.ts).
 */

/** The units of text that make a block: over 128 KB (one byte a unit at least). */
const BLOCK = 1 << 17;

export class TextBlocks {
  /** How many texts were added. */
  count = 0;
  private readonly blocks: string[] = [];
  /** Per block, then for the texts not joined yet: where each text ends. */
  private readonly ends: number[][] = [[]];
  /** The texts not joined yet, with the separators between them. */
  private pending: string[] = [];
  private pendingSize = 0;

  /** `separator` is written between two texts. */
  constructor(private readonly separator: string) {}

  add(text: string): void {
    if (this.count++ > 0) {
      this.pending.push(this.separator);
      this.pendingSize += this.separator.length;
    }
    this.pending.push(text);
    this.pendingSize += text.length;
    this.ends[this.ends.length - 1]!.push(this.pendingSize);
    if (this.pendingSize < BLOCK) return;
    this.blocks.push(this.pending.join(""));
    this.ends.push([]);
    this.pending = [];
    this.pendingSize = 0;
  }

  /** Writes the texts, joined with the separator. */
  write(out: TextOut): void {
    for (const block of this.blocks) out.write(block);
    for (const piece of this.pending) out.write(piece);
  }

  /** The texts, each on its own. */
  texts(): string[] {
    const texts: string[] = [];
    const pending = this.pending.join("");
    [...this.blocks, pending].forEach((block, b) => {
      let start = 0;
      for (const end of this.ends[b]!) {
        if (texts.length > 0) start += this.separator.length;
        texts.push(block.slice(start, end));
        start = end;
      }
    });
    return texts;
  }
}
