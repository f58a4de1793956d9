import { definePlugin } from "../artifact.js";
import { baseUrlOption } from "../shared/server-url.js";
import { CLIENT_FOLDER } from "./path.js";

/** The `client` artifact: `client/`, a typed fetch client (src/emit/client/index.ts). */
export default definePlugin({
  name: "client",
  description: "client/: a typed fetch function per endpoint and createClient",
  needs: ["types", "validators"],
  path: CLIENT_FOLDER,
  options: {
    baseUrl: baseUrlOption(
      "Default base URL of the generated client: absolute http(s), or a path (/api)",
    ),
  },
  async emit({ model, options, templatesDir, reporter }) {
    const [{ emitClient }, { baseUrlDiagnostics }] = await Promise.all([
      import("./index.js"),
      import("./base-url.js"),
    ]);
    // a first server with no host: the client has no default base URL
    reporter.add(baseUrlDiagnostics(model, options.baseUrl));
    return emitClient(model, { templatesDir, baseUrl: options.baseUrl });
  },
});
