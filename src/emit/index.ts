export {
  ARTIFACTS,
  ARTIFACT_NEEDS,
  BUILT_IN_PLUGINS,
  withNeeds,
  type ArtifactName,
} from "./registry.js";
export { runPlugins, type PluginRun } from "./run.js";
