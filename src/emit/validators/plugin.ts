import { definePlugin } from "../artifact.js";
import { VALIDATORS_FOLDER } from "./path.js";

/** The `validators` artifact: `validators/`, checks of values against the schemas. */
export default definePlugin({
  name: "validators",
  description: "validators/: a check per schema and per endpoint part",
  needs: ["types"],
  path: VALIDATORS_FOLDER,
  emit: async ({ model, types, templatesDir }) =>
    (await import("./index.js")).validatorFiles(model, types, templatesDir),
});
