import { definePlugin } from "../artifact.js";
import { MCP_OPTIONS } from "./options.js";

export default definePlugin({
  name: "mcp",
  description:
    "mcp/: an MCP server whose tools call the API through the client (opt-in: -a ...,mcp; needs @modelcontextprotocol/sdk)",
  needs: ["client", "validators"],
  byDefault: false,
  path: "mcp",
  options: MCP_OPTIONS,
  emit: async (context) => (await import("./index.js")).emitMcp(context),
});
