import { createHash, type Hash } from "node:crypto";
import { mkdirSync, rmSync, rmdirSync } from "node:fs";
import { join } from "node:path";
import type { GeneratedFile } from "../../emit/artifact.js";
import type { EmitterBatch } from "../../emit/run.js";
import type { Diagnostic } from "../../model/types.js";
import { textMaker, type TextOut } from "../../emit/shared/text-parts.js";
import { stagedFile } from "./early-file.js";
import { holdOutputLock } from "./output-lock.js";
import { JOURNAL_FILE, STAGING_DIR } from "./output-files.js";
import { makeFolders } from "./safe-path.js";
import { TextFileSink } from "./text-chunks.js";
import { entryExists, recoverOutput, type WriteOptions } from "./writer.js";

/** Texts shorter than this stay in memory: a speed device, docs/benchmark.md. */
const EARLY_STAGE_MIN_CHARS = 1 << 16;

/**
 * Stages each large text as soon as its plugin returns it, taking and recovering the output folder
 * as the writer would; anything that goes wrong only stops early staging (the writer reports it).
 */
export class EarlyStaging {
  diagnostics: Diagnostic[] = [];
  count = 0;
  private state: "idle" | "held" | "off" = "idle";
  private release: (() => void) | undefined;
  private made: string[] = [];
  private minChars: number;

  constructor(
    readonly outDir: string,
    // `afterStep` is called after each file staged early, like the writer's steps
    private readonly options: Pick<
      WriteOptions,
      "afterStep" | "earlyMinChars"
    > = {},
  ) {
    this.minChars = options.earlyMinChars ?? EARLY_STAGE_MIN_CHARS;
  }

  /** True once files were staged early: the writer must be told. */
  get active(): boolean {
    return this.state === "held";
  }

  /** Drives a run to its end, staging each plugin's large texts between one plugin and the next. */
  async stageAsMade<R>(making: AsyncGenerator<EmitterBatch, R, undefined>) {
    try {
      for (;;) {
        const step = await making.next();
        if (step.done) return step.value;
        step.value.files = this.keep(step.value.files);
      }
    } finally {
      // a refused text's maker that threw ends the run: its own cleanup runs all the same
      await making.return(undefined as R);
    }
  }

  /** The files of one plugin, the large ones staged and replaced by their staged copy. */
  keep = (files: GeneratedFile[]) =>
    files.map((file) => this.stage(file, textMaker(file)));

  /**
   * A file's text (a streamed one's made here) is held until long enough to stage, then written
   * piece by piece; a short one stays in memory; after a refusal to write, the file stays as it
   * was (a streamed one is made again when read).
   */
  private stage(file: GeneratedFile, make?: (out: TextOut) => void) {
    let held: string[] = [];
    let size = 0;
    let staging: Staging | undefined;
    let refusal = false;
    const write = (piece: string) => {
      try {
        if (staging) return staging.sink.write(piece);
        held.push(piece);
        size += piece.length;
        if (size < this.minChars || !this.start()) return;
        staging = this.open();
        if (!staging) return;
        for (const part of held) staging.sink.write(part);
        held = [];
      } catch (error) {
        refusal = true;
        throw error;
      }
    };
    try {
      (make ?? ((out) => out.write(file.contents)))({ write });
    } catch (error) {
      // the maker's own error is the run's; a refusal to write leaves the file in memory
      if (staging) this.discard(staging);
      if (!refusal) throw error;
      return file;
    }
    if (refusal) {
      // the maker went on after a refused write: what was staged is not the whole text
      if (staging) this.discard(staging);
      return file;
    }
    if (!staging)
      return make ? { path: file.path, contents: held.join("") } : file;
    return this.refused(staging) ? file : this.staged(file, staging);
  }

  /** The next staged file, or undefined when it cannot be opened (the writer will report it). */
  private open(): Staging | undefined {
    const name = `${STAGING_DIR}/${this.count}`;
    const absName = join(this.outDir, name);
    const hash = createHash("sha256");
    try {
      const sink = new TextFileSink(absName, "wx", hash);
      return { name, absName, hash, sink };
    } catch {
      this.minChars = Infinity;
      return undefined;
    }
  }

  /** Closes the staged file, writing what it buffers; true when refused (the file stays in memory). */
  private refused(staging: Staging): boolean {
    try {
      staging.bytes = staging.sink.end();
      return false;
    } catch {
      this.discard(staging);
      return true;
    }
  }

  private discard(staging: Staging): void {
    staging.sink.close();
    rmSync(staging.absName, { force: true });
    this.minChars = Infinity;
  }

  private staged(file: GeneratedFile, staging: Staging): GeneratedFile {
    this.count++;
    this.options.afterStep?.("early", this.count);
    return stagedFile(file.path, staging.absName, {
      name: staging.name,
      hash: staging.hash.digest("hex"),
      bytes: staging.bytes ?? 0,
    });
  }

  private start(): boolean {
    if (this.state !== "idle") return this.state === "held";
    this.state = "off";
    try {
      this.made = makeFolders(this.outDir);
      this.release = holdOutputLock(this.outDir);
      this.state = "held";
      this.diagnostics = recoverOutput(this.outDir).diagnostics;
      mkdirSync(join(this.outDir, STAGING_DIR));
      return true;
    } catch {
      this.state = "held";
      this.close();
      return false;
    }
  }

  /** Ends early staging and removes what it made unless a journal committed it; idempotent. */
  close(): void {
    if (this.state !== "held") return;
    this.state = "off";
    try {
      // only while holding the lock: another run's staging is never this run's to remove
      if (this.release && !entryExists(join(this.outDir, JOURNAL_FILE)))
        rmSync(join(this.outDir, STAGING_DIR), {
          recursive: true,
          force: true,
        });
    } finally {
      this.release?.();
      this.release = undefined;
      for (const folder of [...this.made].reverse())
        try {
          rmdirSync(folder);
        } catch {
          break;
        }
    }
  }
}

interface Staging {
  name: string;
  absName: string;
  hash: Hash;
  sink: TextFileSink;
  bytes?: number;
}
