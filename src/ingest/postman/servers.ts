import type { Server, ServerVariable, SourceRef } from "../../model/types.js";
import type { TextPart } from "./fields.js";
import { setOwn } from "../../model/own-property.js";
import { trimTrailing } from "../../model/linear-text.js";

export interface ServerUrl {
  url: string;
  /** Server variables made from unresolved `{{var}}`s in the host (default ""). */
  variables: string[];
}

/**
 * The server URL of a request from its protocol and host (variables already substituted).
 * An unresolved `{{var}}` becomes a `{var}` server variable. With no protocol, a host that starts
 * with a variable is taken as written (the variable usually carries the scheme: `{{baseUrl}}`);
 * any other host gets `http://`, the scheme Postman itself assumes.
 */
export function serverUrl(
  protocol: string | undefined,
  host: readonly TextPart[],
): ServerUrl | undefined {
  let text = "";
  const variables: string[] = [];
  for (const part of host) {
    if ("text" in part) text += part.text;
    else {
      text += `{${part.variable}}`;
      if (!variables.includes(part.variable)) variables.push(part.variable);
    }
  }
  text = trimTrailing(text.trim(), "/");
  if (text === "") return undefined;
  const startsWithVariable = host.length > 0 && "variable" in host[0]!;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    if (protocol !== undefined)
      text = `${protocol}://${text.replace(/^\/\//, "")}`;
    else if (!startsWithVariable) text = `http://${text.replace(/^\/\//, "")}`;
  }
  return { url: text, variables };
}

/** The servers of one collection, one per distinct URL, in order of first use. */
export class ServerRegistry {
  private readonly byUrl = new Map<string, Server>();

  /** `source` is called only for a new URL: positions cost a scan of the text. */
  add(server: ServerUrl, source: () => SourceRef): void {
    if (this.byUrl.has(server.url)) return;
    const entry: Server = { url: server.url, sources: [source()] };
    if (server.variables.length > 0) {
      const variables: Record<string, ServerVariable> = {};
      for (const name of server.variables)
        setOwn(variables, name, { default: "" });
      entry.variables = variables;
    }
    this.byUrl.set(server.url, entry);
  }

  list(): Server[] {
    return [...this.byUrl.values()];
  }
}
