import type { PluginOptionSpecs } from "../artifact.js";
import { baseUrlOption, pagesOption } from "../shared/options.js";

// The client plugin's options (plugin.ts), in their own module: its emitters read them typed by
// these specs, and a run that emits nothing does not load the emitters.

/** The client plugin's options, by name. */
export const CLIENT_OPTIONS = {
  baseUrl: baseUrlOption(
    "Default base URL of the generated client: absolute http(s), or a path (/api)",
  ),
  /**
   * Page shapes by endpoint (`"GET /things"`), for endpoints whose pages the description does
   * not show: each gets its `<name>Pages` iterator. A key that names no endpoint, or a query
   * parameter or body property the endpoint lacks, is a `client/page-declaration` error.
   */
  pages: pagesOption,
} as const satisfies PluginOptionSpecs;
