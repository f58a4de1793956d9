/** Where the `openapi` artifact lives in the output folder: one file at the root. */
export const OPENAPI_FILE = "openapi.json";
