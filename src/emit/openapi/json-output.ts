import type { TextOut } from "../toolkit.js";

/** How many pieces a batch holds at most. */
const BATCH = 4096;
/** Or this many characters: long pieces held until joined live into the old generation. */
const BATCH_SIZE = 1 << 15;

/**
 * Where print-json.ts appends its text. Collects small pieces, joining them every few thousand
 * so that millions of them never live at once (they die young instead of filling the old
 * generation), and hands each joined batch to its target. One array holds the pieces of every
 * batch, overwritten in place: a new array per batch, grown from empty to 4096 slots, was most of
 * what printing allocated besides the text.
 */
export class Output {
  private pieces: string[] = [];
  private count = 0;
  private size = 0;

  constructor(private readonly target: TextOut) {}

  push(piece: string): void {
    this.pieces[this.count++] = piece;
    this.size += piece.length;
    if (this.count === BATCH || this.size >= BATCH_SIZE) this.flush();
  }

  end(): void {
    this.flush();
    this.pieces = [];
  }

  private flush(): void {
    if (this.count > 0)
      this.target.write(
        (this.count === BATCH
          ? this.pieces
          : this.pieces.slice(0, this.count)
        ).join(""),
      );
    this.count = 0;
    this.size = 0;
  }
}
