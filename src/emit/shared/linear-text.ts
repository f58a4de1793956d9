// The model's linear-time trims (src/model/linear-text.ts), for the built-in plugins, which
// import shared code from here and not the model's internals.
export {
  trimBoth,
  trimLineEnds,
  trimTrailing,
} from "../../model/linear-text.js";
