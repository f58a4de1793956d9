import type { Server, ServerVariable } from "../../model/types.js";
import { uriScheme } from "../reader.js";
import type { TextPart } from "./fields.js";
import { setOwn } from "../../model/own-property.js";
import { trimTrailing } from "../../model/linear-text.js";

/**
 * The server URL of a request from its protocol and host (variables substituted); an unresolved
 * `{{var}}` becomes a `{var}` server variable (default ""). With no protocol, a host starting with
 * a variable is taken as written (it usually holds the scheme), any other gets Postman's `http://`.
 */
export function serverUrl(
  protocol: string | undefined,
  host: readonly TextPart[],
): Pick<Server, "url" | "variables"> | undefined {
  let text = "";
  const variables: Record<string, ServerVariable> = {};
  for (const part of host) {
    if ("text" in part) text += part.text;
    else {
      text += `{${part.variable}}`;
      setOwn(variables, part.variable, { default: "" });
    }
  }
  text = trimTrailing(text.trim(), "/");
  if (text === "") return undefined;
  const scheme =
    protocol ?? (host[0] && "variable" in host[0] ? undefined : "http");
  if (scheme !== undefined && !uriScheme(text)?.endsWith("//"))
    text = `${scheme}://${text.replace(/^\/\//, "")}`;
  return Object.keys(variables).length > 0
    ? { url: text, variables }
    : { url: text };
}
