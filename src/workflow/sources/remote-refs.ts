import { decodeSource } from "../../ingest/decode-text.js";
import { parseText } from "../../ingest/load.js";
import { SourceReadError } from "../../ingest/read-source.js";
import { loadModel } from "../../pipeline.js";
import { modelLoadOptions } from "./inputs.js";
import type { RemoteInputs } from "./remote-inputs.js";
import { isRemoteInput } from "./remote-url.js";
import type { GenerateSettings } from "../config/settings.js";
import type { SourceCache } from "./source-cache.js";

// Remote `$ref`s, followed only with --allow-external-refs (merge.allowExternalRefs). The readers
// are synchronous and a fetch is not, so the URLs a reading needs are found by reading first:
// each round reads the inputs (the model, no emitters), fetches the URLs it asked for and did not
// have, and ends when a reading asks for none. The documents are parsed once: the rounds and the
// run share the source cache. A run usually needs no second round: the URLs the last run read
// come fetched (fetchRemoteInputs reads them from its manifest).

/** A chain of `$ref`s this many documents deep is followed; a deeper one is reported. */
export const MAX_REF_ROUNDS = 10;
/** At most this many URLs a run. */
export const MAX_REMOTE_DOCUMENTS = 200;

/**
 * `remote` with every URL the reading of `inputFiles` reaches by `$ref` fetched too. A URL left
 * out by the limits is read as one that was not fetched: reported at its `$ref`, with the limit.
 */
export async function withRemoteRefs(
  remote: RemoteInputs,
  inputFiles: readonly string[],
  settings: GenerateSettings,
  sources: SourceCache,
): Promise<{ remote: RemoteInputs; refused: ReadonlyMap<string, string> }> {
  const refused = new Map<string, string>();
  for (let round = 0; ; round++) {
    const wanted = new Set<string>();
    const readText = (absPath: string): string => {
      if (!isRemoteInput(absPath))
        return sources.read(absPath, settings.maxInputBytes).text;
      if (!remote.has(absPath)) {
        wanted.add(absPath);
        throw new SourceReadError("not fetched yet", "input/fetch-failed");
      }
      return decodeSource(remote.read(absPath).bytes);
    };
    loadModel(inputFiles, {
      ...modelLoadOptions(settings, readText),
      parse: (text, file, absPath) =>
        sources.parse(text, file, absPath, parseText),
    });
    if (wanted.size === 0) return { remote, refused };
    const room = MAX_REMOTE_DOCUMENTS - remote.size;
    const urls = [...wanted];
    const why =
      round + 1 >= MAX_REF_ROUNDS
        ? `not fetched: a chain of more than ${MAX_REF_ROUNDS} remote documents`
        : `not fetched: the run reads at most ${MAX_REMOTE_DOCUMENTS} URLs`;
    const taken = round + 1 >= MAX_REF_ROUNDS ? [] : urls.slice(0, room);
    for (const url of urls.slice(taken.length)) refused.set(url, why);
    if (taken.length === 0) return { remote, refused };
    remote = await remote.adding(taken);
  }
}
