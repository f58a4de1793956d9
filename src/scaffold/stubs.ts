import type { ApiModel, Endpoint } from "../model/types.js";
import { signatures } from "../emit/server/signature.js";
import { stringLiteral } from "../emit/shared/literals.js";
import { importStatement } from "../emit/shared/statements.js";
import { webhookScaffold } from "./webhook-stubs.js";
import { commentLine, memberLine } from "./changed-contracts.js";

/**
 * A handler that answers 501 until it is written, under a comment naming its operation:
 *
 *     // GET /message/{messageId}: Get a message
 *     getMessage: notImplemented,
 */
export function stubMember(endpoint: Endpoint, indent: string): string {
  return (
    `${indent}// ${operationLine(endpoint)}\n` +
    memberLine(indent, endpoint.name, "notImplemented")
  );
}

/** `name: "hash",` for the signatures object. */
export function signatureMember(
  endpoint: Endpoint,
  signature: string,
  indent: string,
): string {
  return memberLine(indent, endpoint.name, stringLiteral(signature));
}

/** Method, path and summary on one line: safe inside a `//` comment. */
export function operationLine(endpoint: Endpoint): string {
  const summary = endpoint.summary ? `: ${endpoint.summary}` : "";
  return commentLine(
    `${endpoint.method.toUpperCase()} ${endpoint.path}${summary}`,
  );
}

/** `import { a, type B } from "x";`, broken one name per line when it does not fit. */
export function importLine(names: string[], from: string): string {
  return `${importStatement(names, from, false)}\n`;
}

/** The handlers file as apiloom first writes it: every handler a 501 stub. */
export function scaffoldText(model: ApiModel, importFrom: string): string {
  const stubs = model.endpoints.map((e) => stubMember(e, "  ")).join("");
  const signatureOf = signatures(model);
  const entries = model.endpoints
    .map((e) => signatureMember(e, signatureOf(e), "  "))
    .join("");
  const webhooks = webhookScaffold(model, importFrom, signatureOf);
  return (
    "// Your implementation of the API's handlers. apiloom wrote this file once; when the API\n" +
    "// description changes it only adds stubs (answering 501) for new endpoints and reports\n" +
    "// handlers whose endpoint is gone or whose contract changed. It never edits your code.\n" +
    importLine(
      ["notImplemented", "type HandlerSignatures", "type Handlers"],
      importFrom,
    ) +
    webhooks.imports +
    "\n" +
    objectDeclaration("handlers", stubs, "Handlers") +
    "\n" +
    "/**\n" +
    " * The contract each handler above was written for. When apiloom reports a changed contract\n" +
    " * (tsc flags the entry here too), review the handler, then run apiloom generate --accept-changes.\n" +
    " */\n" +
    objectDeclaration("signatures", entries, "HandlerSignatures") +
    webhooks.declaration
  );
}

function objectDeclaration(name: string, body: string, type: string): string {
  return body === ""
    ? `export const ${name} = {} satisfies ${type};\n`
    : `export const ${name} = {\n${body}} satisfies ${type};\n`;
}
