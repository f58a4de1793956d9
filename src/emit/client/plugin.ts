import { definePlugin } from "../artifact.js";
import { CLIENT_OPTIONS } from "./options.js";

/** The `client` artifact: `client/`, a typed fetch client (src/emit/client/index.ts). */
export default definePlugin({
  name: "client",
  description: "client/: a typed fetch function per endpoint and createClient",
  // not the validators: a client alone costs its users' type-checking none (client/validate.ts)
  needs: ["types"],
  path: "client",
  options: CLIENT_OPTIONS,
  emit: async (context) => (await import("./index.js")).emitClient(context),
});
