/** Where the `client` artifact lives in the output folder: a folder the docs' examples import. */
export const CLIENT_FOLDER = "client";
