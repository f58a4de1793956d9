import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  DEFAULT_TEMPLATES_DIR,
  declaredPages,
  endpointServer,
  environmentFile,
  loadTemplate,
  runtimeFile,
  scalarRevival,
} from "../toolkit.js";
import type { EmitContext, GeneratedFile, OptionValues } from "../artifact.js";
import type { CLIENT_OPTIONS } from "./options.js";
import { clientDiagnostics, defaultBaseUrl } from "./base-url.js";
import { clientHelpers, type ClientHelpers } from "./template-helpers.js";
import { clientSchemes } from "./security.js";
import { endpointView } from "./view.js";
import type {
  ClientEndpointView,
  ClientIndexView,
  ClientLocals,
} from "./view-types.js";

// The typed client: templates/client/'s runtime files, and client/index.ts rendered by the
// (overridable) templates endpoint.js and index.js from views of raw spec text (view-types.ts).

/** `templates/client/endpoint.js`. */
export interface EndpointTemplate {
  contract: number;
  /** The endpoint's function and its result type, ending with a newline. */
  renderEndpoint(view: ClientEndpointView, h: ClientHelpers): string;
}

/** `templates/client/index.js`. */
export interface IndexTemplate {
  contract: number;
  /**
   * The whole client/index.ts. `functions` are the endpoint template's output, one per
   * endpoint in `view.endpoints` order: code already, not spec text.
   */
  renderIndex(
    view: ClientIndexView,
    h: ClientHelpers,
    functions: string[],
  ): string;
}

/** The runtime's names the client file declares or imports, in the order templates read them. */
const LOCALS = (
  "send bindAll endpoint specEndpoint applyAuth pagesMaker eventStream streamItems jsonLines " +
  "paginate serializeForm atServer serializeBody serializeQuery serializeHeader serializeCookie " +
  "serializePath plainPath makeEndpoint scalarCodec"
).split(" ");

/** templates/client/'s runtime files but runtime.ts and environment.ts, copied verbatim. */
const RUNTIME_FILES = readdirSync(join(DEFAULT_TEMPLATES_DIR, "client"))
  .filter((name) => name.endsWith(".ts"))
  .filter((name) => name !== "runtime.ts" && name !== "environment.ts")
  .sort();

/** The client's files, and what it reports of the model (base-url.ts, `client.pages`). */
export async function emitClient({
  model,
  options,
  artifacts,
  reporter,
  templatesDir,
  types: index,
}: EmitContext<OptionValues<typeof CLIENT_OPTIONS>>): Promise<GeneratedFile[]> {
  clientDiagnostics(model, options.baseUrl, index, reporter);
  const { pages, diagnostics } = declaredPages(model, options.pages);
  reporter.add(diagnostics);
  const [endpointTemplate, indexTemplate] = await Promise.all([
    loadTemplate<EndpointTemplate>("client", "endpoint.js", templatesDir),
    loadTemplate<IndexTemplate>("client", "index.js", templatesDir),
  ]);
  const taken = new Set(model.endpoints.map((e) => e.name));
  const pick = (name: string): string =>
    taken.has(name) ? pick(`${name}_`) : name;
  const locals = {
    ...Object.fromEntries(LOCALS.map((name) => [name, pick(name)])),
    defaults: pick("DEFAULTS"),
    schemes: pick("SCHEMES"),
  } as ClientLocals;
  const baseUrl = defaultBaseUrl(model, options.baseUrl);
  const { schemes, tokenUrls } = clientSchemes(model, baseUrl);
  const supported = new Set(schemes.map(({ name }) => name));
  const revival = scalarRevival(model);
  const endpoints = model.endpoints.map((e) => {
    const view = endpointView(e, index, supported, locals, taken, pages);
    if (revival?.revives(e.name)) view.scalars = true;
    const server = endpointServer(model, e);
    if (server !== undefined) view.server = server;
    return view;
  });
  const view: ClientIndexView = {
    title: model.info.title,
    baseUrl,
    schemes,
    tokenUrls,
    endpoints,
    locals,
  };
  const functions = endpoints.map((e) =>
    endpointTemplate.renderEndpoint(e, clientHelpers),
  );
  const files: GeneratedFile[] = [
    {
      path: "client/index.ts",
      contents: indexTemplate.renderIndex(view, clientHelpers, functions),
      skipTypecheck: true,
    },
    runtimeFile("client", "runtime.ts", templatesDir),
    // a program bundles what it uses; response validation imports the validators, and
    // openapi-fetch's API is typed by paths.ts: each made when the run makes those
    ...RUNTIME_FILES.filter(
      (name) =>
        (name !== "validate.ts" || artifacts.includes("validators")) &&
        (name !== "openapi-fetch.ts" || artifacts.includes("paths")),
    ).map((name) => runtimeFile("client", name, templatesDir)),
    // dates and big integers (config `dates`, `int64`): the plans and the runtime that walks them
    ...(revival?.files("client", templatesDir) ?? []),
  ];
  return [...files, environmentFile("client", files, templatesDir)];
}
