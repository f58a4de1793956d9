import type { TextOut } from "../toolkit.js";

/** How many pieces a batch holds at most. */
const BATCH = 4096;
/** Or this many characters: long pieces held until joined live into the old generation. */
const BATCH_SIZE = 1 << 15;

/**
 * Where print-json.ts appends its text: small pieces joined every few thousand (so that millions
 * never live at once), each batch handed to the target; one array reused for every batch.
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
