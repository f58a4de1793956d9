/** The `validators` artifact's folder in the output (the client and the server import it). */
export const VALIDATORS_FOLDER = "validators";
