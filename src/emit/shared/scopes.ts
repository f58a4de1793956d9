import type { Endpoint } from "../../model/types.js";

/**
 * The OAuth scopes an endpoint needs, one list per alternative of its security (any one
 * suffices); empty when no alternative names scopes. The client's doc comments and the MCP
 * tools' descriptions name them.
 */
export function scopeAlternatives(endpoint: Endpoint): string[][] {
  return (endpoint.security ?? [])
    .map((requirement) => Object.values(requirement).flat())
    .filter((scopes) => scopes.length > 0);
}
