import { family } from "../../model/diagnostics/code-info.js";

export const POSTMAN_CODES = family("postman", {
  warning: {
    "api-key-location":
      "an API key auth whose `in` is neither `header` nor `query` (`path`, `cookie`): read as Postman sends it, in a header",
    "incomplete-auth":
      "an auth block that lacks what its type needs (an API key without a name)",
    "invalid-header-name":
      "a header, or an API key auth's header, whose name is not an HTTP token: no client could send it, so it is left out",
    "invalid-item":
      "an item that is neither a folder nor a request, or a request without a usable URL: skipped",
    "large-body":
      "a raw body or saved response over 64 KiB: a text example keeps its first 65,536 characters, a JSON one its schema only (to 4 MiB)",
    "transport-header":
      "a header fetch writes itself (`Transfer-Encoding`, `Connection`, `Host`, `Expect`…): left out",
    "unresolved-variable":
      "a `{{var}}` with no value among the collection's variables (a folder's or a request's own are not read, as newman reads none)",
    "unsupported-auth":
      "an auth type OpenAPI cannot express (oauth1, hawk, ntlm, awsv4, akamai…)",
    "unsupported-method":
      "a method OpenAPI cannot express (COPY, LINK, PURGE, VIEW…): the request is skipped",
    "variable-cycle":
      "a collection variable refers back to itself (`a` → `b` → `a`): the reference is left unresolved",
    "variable-expansion":
      "a `{{variable}}` nests deeper than 8 levels or expands past 10,000 substitutions or 1,000,000 characters: left unresolved",
  },
  info: {
    "invalid-json-body":
      "a body declared as JSON whose text does not parse: kept without an example",
    "pruned-body": "a GET or HEAD body Postman itself would not send: left out",
  },
});
