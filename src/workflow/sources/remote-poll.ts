import {
  fetchRemoteInputs,
  remoteInputsOf,
  type RemoteInputs,
} from "./remote-inputs.js";
import type { GenerateSettings } from "../config/settings.js";

/**
 * `--watch`'s questions to the URL inputs: every `remote.watchInterval` seconds each URL is asked
 * whether it changed (with its cached copy's validator: a 304 when not). When a document's bytes
 * differ from those the last run read, `changed` is told the URLs, and the next run reads what
 * that question fetched instead of asking again. One question at a time; none while a run runs.
 */
export class RemotePoll {
  /** What the last run read. */
  private last: RemoteInputs | undefined;
  /** Fetched by a question that found a change, for the next run. */
  private next: RemoteInputs | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private key = "";
  private asking = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv | undefined,
    private readonly changed: (urls: string[]) => void,
  ) {}

  /** The URL inputs a run reads: fetched by the question that found a change, or now. */
  async forRun(settings: GenerateSettings): Promise<RemoteInputs> {
    const fetched = this.next ?? (await fetchRemoteInputs(settings, this.env));
    this.next = undefined;
    this.last = fetched;
    return fetched;
  }

  /** (Re)starts the questions for these settings' URL inputs; none without any. */
  schedule(settings: GenerateSettings, busy: () => boolean): void {
    const urls = remoteInputsOf(settings);
    const interval = settings.remote.watchIntervalMs;
    const key = JSON.stringify([
      urls,
      settings.remote,
      settings.baseDir,
      settings.maxInputBytes,
    ]);
    if (key === this.key) return;
    this.stop();
    this.key = key;
    if (urls.length === 0) return;
    this.timer = setInterval(() => {
      if (this.asking || busy()) return;
      this.asking = true;
      fetchRemoteInputs(settings, this.env)
        .then((now) => {
          const changed = urls.filter(
            (url) => now.hash(url) !== this.last?.hash(url),
          );
          if (changed.length === 0 || busy()) return;
          this.next = now;
          this.changed(changed);
        })
        .catch(() => {}) // the next run reports what fails
        .finally(() => (this.asking = false));
    }, interval);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.key = "";
  }
}
