// Stands in for the rendered server/routes.ts (see ../README.md).
import type { RouteSpec } from "./runtime.js";

export declare const routes: readonly RouteSpec[];
