import {
  updateHandlersBytes,
  type UpdateHandlersInput,
} from "../../src/scaffold/update-handlers-file.js";

/** `updateHandlersBytes` on a text, as the tests read and write the handlers file. */
export function updateHandlersFile(
  input: Omit<UpdateHandlersInput, "existing"> & { existing?: string },
) {
  const { existing } = input;
  const result = updateHandlersBytes({
    ...input,
    existing: existing === undefined ? undefined : Buffer.from(existing),
  });
  return { ...result, contents: result.contents.toString("utf8") };
}
