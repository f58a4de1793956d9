/** The user's handlers file: created once, then kept in step with the model by insertion only. */
export {
  serverImportPath,
  updateHandlersBytes,
  updateHandlersFile,
  type ChangedHandler,
  type UpdateHandlersBytesResult,
  type UpdateHandlersInput,
  type UpdateHandlersResult,
} from "./update-handlers-file.js";
