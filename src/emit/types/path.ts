/** Where the `types` artifact lives in the output folder: one file, imported by the others. */
export const TYPES_FILE = "types.ts";
