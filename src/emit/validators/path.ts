/** Where the `validators` artifact lives in the output folder: a folder the client and server import. */
export const VALIDATORS_FOLDER = "validators";
