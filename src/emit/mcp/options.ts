import type { PluginOptionSpecs } from "../artifact.js";

// In their own module, as shared/options.ts says why.
export const MCP_OPTIONS = {
  tags: {
    type: "string-list",
    default: [] as string[],
    help: "only the endpoints of these tags become tools (all by default)",
  },
  names: {
    type: "string-list",
    default: [] as string[],
    help: 'only these endpoints become tools: names or "METHOD /path" (all by default)',
  },
  methods: {
    type: "string-list",
    default: [] as string[],
    help: "only the endpoints of these HTTP methods become tools (all by default)",
  },
  mode: {
    type: ["auto", "tools", "dynamic"],
    default: "auto",
    help: "a tool per endpoint (tools), three tools to list, describe and call them (dynamic), or dynamic past maxTools (auto)",
  },
  maxTools: {
    type: "number",
    default: 40,
    help: "in auto mode, the most endpoints served as a tool each; more make the three dynamic tools",
    problem: (n: number) =>
      Number.isSafeInteger(n) && n >= 0
        ? undefined
        : "must be a whole number, 0 or more",
  },
} as const satisfies PluginOptionSpecs;
