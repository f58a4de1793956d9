/**
 * The user's handlers file: created once, then kept in step with the model by insertion only.
 * A run reads the file's bytes, calls `updateHandlersBytes` (which inserts into the bytes as
 * read, so bytes that are not UTF-8 stay), writes `contents` back when they differ and prints the
 * diagnostics. `updateHandlersFile` does the same on text.
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
