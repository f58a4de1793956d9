/**
 * The user's handlers file: created once, then kept in step with the model by insertion only.
 * The CLI reads the file, calls `updateHandlersFile`, writes `contents` back when it differs and
 * prints the diagnostics.
 */
export {
  updateHandlersBytes,
  updateHandlersFile,
  type ChangedHandler,
  type UpdateHandlersBytesResult,
  type UpdateHandlersInput,
  type UpdateHandlersResult,
} from "./update-handlers-file.js";
export { serverImportPath } from "./import-path.js";
