import type { Emitter, GeneratedFile } from "../artifact.js";
import { jsdocLines } from "../shared/escape.js";
import { loadTemplate, templateText } from "../templates.js";
import { createTypeIndex, emitTypesFile } from "../types/index.js";
import { PRINT_WIDTH, propertyKey, stringLiteral } from "../shared/literals.js";
import { printDoc } from "../types/print.js";
import { defaultBaseUrl } from "./base-url.js";
import { importStatement } from "./format.js";
import { authSchemes } from "./security.js";
import { endpointView, type EndpointView } from "./view.js";
import { validatorFiles } from "../validators/index.js";

/**
 * The typed client: `types.ts` (shared with the server), `client/runtime.ts` (fetch wrapper,
 * auth), `client/serialize.ts` (parameter styles, copied from templates/client/serialize.ts)
 * and `client/index.ts` (one standalone function per endpoint, and
 * `createClient`). Layout comes from the templates in templates/client/, which users can
 * override; everything spec-derived they receive is already escaped.
 */

export interface IndexView {
  title: string;
  /** Rendered import statements and re-exports. */
  imports: string;
  /** Rendered `DEFAULT_BASE_URL`, `DEFAULTS` and `SCHEMES` declarations. */
  constants: string;
  endpoints: EndpointView[];
  /** Rendered endpoint functions (the endpoint template's output), in model order. */
  functions: string[];
  /** The names `createClient` binds, and the local name of the runtime's binder. */
  bindAll: string;
  names: string[];
}

export interface TemplateHelpers {
  stringLiteral: (value: string) => string;
  jsdocLines: (text: string) => string[];
  printDoc: (lines: string[], indent: number) => string;
}

interface EndpointTemplate {
  renderEndpoint(view: EndpointView, helpers: TemplateHelpers): string;
}
interface IndexTemplate {
  renderIndex(view: IndexView, helpers: TemplateHelpers): string;
}

const HELPERS: TemplateHelpers = { stringLiteral, jsdocLines, printDoc };

/** Local names the client file needs; an endpoint of the same name pushes them aside. */
function localNames(taken: Set<string>) {
  const pick = (name: string) => {
    let out = name;
    while (taken.has(out)) out += "_";
    return out;
  };
  return {
    send: pick("send"),
    bindAll: pick("bindAll"),
    defaults: pick("DEFAULTS"),
    schemes: pick("SCHEMES"),
  };
}

export const emitClient: Emitter = async (model, options) => {
  const [endpointTemplate, indexTemplate] = await Promise.all([
    loadTemplate<EndpointTemplate>(
      "client",
      "endpoint.js",
      options.templatesDir,
    ),
    loadTemplate<IndexTemplate>("client", "index.js", options.templatesDir),
  ]);
  const index = createTypeIndex(model);
  const names = model.endpoints.map((e) => e.name);
  const locals = localNames(new Set(names));
  const schemes = authSchemes(model);
  const supported = new Set(schemes.map(([name]) => name));
  const endpoints = model.endpoints.map((e) =>
    endpointView(e, index, supported, locals),
  );

  const typeNames = endpoints.flatMap((e) => [
    e.types.request,
    e.types.data,
    e.types.error,
  ]);
  const runtimeImports = [
    locals.bindAll === "bindAll" ? "bindAll" : `bindAll as ${locals.bindAll}`,
    locals.send === "send" ? "send" : `send as ${locals.send}`,
    "type ApiResult",
    "type AuthScheme",
    "type CallOptions",
    "type ClientOptions",
  ];
  const imports = [
    ...(typeNames.length > 0
      ? [importStatement(typeNames, "../types.js", true)]
      : []),
    importStatement(runtimeImports, "./runtime.js", false),
    "",
    'export type * from "../types.js";',
    importStatement(
      ["ApiResult", "CallOptions", "ClientAuth", "ClientOptions"],
      "./runtime.js",
      true,
    ).replace(/^import type/, "export type"),
    'export { ResponseValidationError } from "./validate.js";',
  ].join("\n");

  const baseUrl = defaultBaseUrl(model, options.baseUrl);
  const schemeLines = schemes.map(([name, s]) => {
    const value =
      s.type === "apiKey"
        ? `{ type: "apiKey", in: ${stringLiteral(s.in)}, name: ${stringLiteral(s.name)} }`
        : `{ type: ${stringLiteral(s.type)} }`;
    return schemeLine(name, value);
  });
  const constants = [
    printDoc(
      jsdocLines(
        "Where requests go unless `createClient({ baseUrl })` or a call's `baseUrl` says otherwise.",
      ),
      0,
    ) + constLine("DEFAULT_BASE_URL", stringLiteral(baseUrl)),
    "",
    `const ${locals.defaults}: ClientOptions = { baseUrl: DEFAULT_BASE_URL };`,
    "",
    schemeLines.length === 0
      ? `const ${locals.schemes}: Record<string, AuthScheme> = {};`
      : schemes.some(([name]) => name in Object.prototype)
        ? // tsc gives a member named like one of Object.prototype's (`toString`) no contextual
          // type from `Record<string, AuthScheme>`, and `"bearer"` widens to string: `as const`
          `const ${locals.schemes} = {\n${schemeLines.join("\n")}\n} as const satisfies Record<string, AuthScheme>;`
        : `const ${locals.schemes}: Record<string, AuthScheme> = {\n${schemeLines.join("\n")}\n};`,
  ].join("\n");

  const functions = endpoints.map((view) =>
    endpointTemplate.renderEndpoint(view, HELPERS),
  );
  const indexText = indexTemplate.renderIndex(
    {
      title: model.info.title,
      imports,
      constants,
      endpoints,
      functions,
      bindAll: locals.bindAll,
      names,
    },
    HELPERS,
  );
  const files: GeneratedFile[] = [
    emitTypesFile(model, index),
    { path: "client/index.ts", contents: indexText },
    {
      path: "client/runtime.ts",
      contents: templateText("client", "runtime.ts", options.templatesDir),
    },
    {
      path: "client/serialize.ts",
      contents: templateText("client", "serialize.ts", options.templatesDir),
    },
    {
      path: "client/validate.ts",
      contents: templateText("client", "validate.ts", options.templatesDir),
    },
    // what client/validate.ts imports when responses are checked
    ...validatorFiles(model, index, options.templatesDir, false),
  ];
  return files;
};

/** `  name: { … },` — the value object breaks one member per line when the line is too long. */
function schemeLine(name: string, value: string): string {
  const line = `  ${propertyKey(name)}: ${value},`;
  if (line.length <= PRINT_WIDTH) return line;
  const members = value
    .slice(2, -2)
    .split(", ")
    .map((m) => `    ${m},`);
  return `  ${propertyKey(name)}: {\n${members.join("\n")}\n  },`;
}

/** `export const NAME = "…";`, the string moving to its own line when too long (as prettier does). */
function constLine(name: string, value: string): string {
  const line = `export const ${name} = ${value};`;
  return line.length <= PRINT_WIDTH
    ? line
    : `export const ${name} =\n  ${value};`;
}
