// Stands in for the rendered mcp/tools.ts (see ../README.md): the generated client's factory and
// types (re-exported from client/index.ts), the API, the mode apiloom chose, the tools, the
// named schemas they refer to, and where the API-key schemes send their keys.
import type { ClientOptions } from "../client/runtime.js";
import type { ToolSpec } from "./runtime.js";
import type { McpScalars } from "./scalars.js";
import type { JsonSchema, SchemaKeywords } from "./schema.js";
import type { KeyPlace } from "./secrets.js";

export type { ApiResult } from "../client/result.js";
export type { ClientAuth, ClientOptions } from "../client/runtime.js";

export declare function createClient<T extends boolean = false>(
  config?: ClientOptions<T>,
): object;

export declare const API: { name: string; title: string; version: string };
export declare const MODE: "tools" | "dynamic";
export declare const TOOLS: readonly ToolSpec[];
export declare const DEFS: Readonly<Record<string, JsonSchema>>;
export declare const KEYWORDS: SchemaKeywords;
export declare const SCALARS: McpScalars | undefined;
export declare const KEY_PLACES: readonly KeyPlace[];
