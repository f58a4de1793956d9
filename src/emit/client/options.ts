import type { PluginOptionSpecs } from "../artifact.js";
import { baseUrlOption, pagesOption } from "../shared/options.js";

// In their own module, as shared/options.ts says why.
export const CLIENT_OPTIONS = {
  baseUrl: baseUrlOption(
    "Default base URL of the generated client: absolute http(s), or a path (/api)",
  ),
  /** Each endpoint declared gets its `<name>Pages` iterator (shared/declared-pages.ts checks). */
  pages: pagesOption,
} as const satisfies PluginOptionSpecs;
