import { definePlugin } from "../artifact.js";
import { CLIENT_FOLDER } from "./path.js";

/** The `client` artifact: `client/`, a typed fetch client (src/emit/client/index.ts). */
export default definePlugin({
  name: "client",
  description: "client/: a typed fetch function per endpoint and createClient",
  needs: ["types", "validators"],
  path: CLIENT_FOLDER,
  options: {
    baseUrl: {
      type: "string",
      default: undefined as string | undefined,
      help: "Default base URL of the generated client: absolute http(s), or a path (/api)",
      config: "baseUrl",
      flag: "--base-url",
      placeholder: "<url>",
      problem: baseUrlProblem,
    },
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

/** The client's base URL: an absolute http(s) URL, or a path on the client's own origin. */
function baseUrlProblem(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.startsWith("/") && !value.startsWith("//")) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === "http:" || url.protocol === "https:"))
    return undefined;
  return `${JSON.stringify(value)} is not a base URL; give an absolute http(s) URL (https://api.example.com/v1) or a path starting with / (/api)`;
}
