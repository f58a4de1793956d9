import { definePlugin } from "../artifact.js";
import { SERVER_OPTIONS } from "./options.js";

/** The `server` artifact: `server/`, route data, contracts and a node:http listener. */
export default definePlugin({
  name: "server",
  description: "server/: routes, handler contracts and a node:http listener",
  needs: ["types", "validators"],
  path: "server",
  options: SERVER_OPTIONS,
  emit: async (context) => (await import("./index.js")).emitServer(context),
});
