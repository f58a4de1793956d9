import type {
  ArtifactName,
  EmitOptions,
  GeneratedFile,
} from "../src/emit/artifact.js";
import { EMITTERS } from "../src/emit/index.js";
import { runEmitters } from "../src/emit/run.js";
import type { ApiModel } from "../src/model/types.js";
import { collectFiles } from "../src/workflow/output-files.js";

/**
 * The files a run asking for `artifact` makes: its own and those of the artifacts it needs
 * (`client` brings `types.ts` and `validators/`), sorted by path, as the CLI would write them.
 */
export async function emitted(
  artifact: ArtifactName,
  model: ApiModel,
  options: EmitOptions = {},
): Promise<GeneratedFile[]> {
  const { batches } = await runEmitters(EMITTERS, model, [artifact], options);
  return collectFiles(batches);
}
