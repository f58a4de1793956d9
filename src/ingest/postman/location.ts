import type { Path } from "../../model/pointer.js";
import type { CollectionState, PostmanContext } from "./context.js";
import { buildPathTemplate, type PathTemplate } from "./path-template.js";
import { serverUrl } from "./servers.js";
import type { RequestUrl } from "./url.js";
import { unresolvedNames, type VariableScope } from "./variables.js";

/**
 * Where a request goes: registers its server (protocol and host) and returns its path template.
 * A request without a URL goes to `/` on no particular server. Each unresolved variable is
 * reported once per collection, at its first use.
 */
export function readLocation(
  url: RequestUrl | undefined,
  requestAt: Path,
  variables: VariableScope,
  state: CollectionState,
  pc: PostmanContext,
): PathTemplate {
  const at = url?.at ?? requestAt;
  const unresolved = (subject: string, message: string) =>
    pc.reporter
      .once(subject)
      .report("postman/unresolved-variable", message, pc.ref(at));
  if (url !== undefined) {
    const hostParts = variables.substitute(url.host);
    const server = serverUrl(url.protocol, hostParts);
    if (server) {
      state.servers.add(server, () => pc.ref(at));
      for (const name of unresolvedNames(hostParts))
        unresolved(
          `host:${name}`,
          `{{${name}}} in the URL host has no value in the collection's variables; the server URL gets the variable {${name}} (default empty)`,
        );
    }
  }
  const pathParts = variables.substitute(url?.path ?? "", true);
  for (const name of unresolvedNames(pathParts))
    unresolved(
      `path:${name}`,
      `{{${name}}} in the URL path has no value in the collection's variables (or an empty one); it becomes the path parameter {${name}}`,
    );
  return buildPathTemplate(pathParts);
}
