import { settleOutput } from "../workflow/output/writer.js";
import { allParameters } from "../model/factories.js";
import { scopeAlternatives } from "../emit/shared/security-evidence.js";
import type { ApiModel, Endpoint } from "../model/types.js";
import { apisJson, plural, printDiagnostics, visibleLines } from "./report.js";
import { paint } from "./colors.js";
import { visible } from "./diagnostic-format.js";
import { ConfigError } from "../workflow/config/error.js";
import { loadConfig } from "../workflow/config/load.js";
import { loadInputs } from "../workflow/sources/resolve-inputs.js";
import {
  resolveApis,
  resolveSettings,
  type GenerateSettings,
} from "../workflow/config/settings.js";
import { optionsHelp, parseFlags, type FlagSpec } from "./flags.js";
import {
  flagsNamed,
  noGenerateFlags,
  type GenerateFlags,
} from "./generate-options.js";

type InspectFlags = GenerateFlags & { json: boolean };

/** inspect's flags: `--json`, and generate's own for what the two share (same parsing, same errors). */
const FLAGS: FlagSpec<InspectFlags>[] = [
  {
    names: ["--json"],
    help: "Print the merged model as JSON instead of a table",
    apply: (f) => (f.json = true),
  },
  ...flagsNamed("--allow-external-refs", "--prefer", "--name", "--overlay"),
  ...flagsNamed("--api", "--config", "--no-config"),
  ...flagsNamed("--color", "--no-color").map((spec) => ({
    ...spec,
    help: "Accepted as by generate (inspect prints no colour)",
  })),
  ...flagsNamed("--help"),
];

const HELP = `Usage: apiloom inspect <files...> [options]
       apiloom inspect [--api <name>]

Reads the inputs (Swagger 2.0, OpenAPI 3.0/3.1, Postman v2.0/v2.1; format detected by content),
merges them, and prints the endpoints and the diagnostics. Without files, of a config that lists
several APIs (apis): each API's inputs, with its settings (or the one --api names).

Options:
${optionsHelp(FLAGS)}

Exit codes: 0, or 1 when a diagnostic is an error (unreadable file, invalid JSON/YAML, not an
API); 2 bad usage.
`;

export async function runInspect(args: string[]): Promise<number> {
  let flags: InspectFlags;
  let apis: GenerateSettings[] | undefined;
  try {
    flags = parseFlags(args, FLAGS, { ...noGenerateFlags(), json: false });
    if (flags.help) {
      process.stdout.write(HELP);
      return 0;
    }
    // the files named, read as generate reads them (no config unless named); else the config's
    apis =
      flags.inputs.length > 0
        ? [
            await resolveSettings(
              { ...flags, config: flags.config ?? false },
              process.cwd(),
            ),
          ]
        : // the config's APIs as generate resolves them, a config of one API too: `apiloom
          // inspect` is what a run's summary points to; none without a config unless --api
          await loadConfig(flags, process.cwd()).then((loaded) =>
            loaded || flags.api !== undefined
              ? resolveApis(flags, process.cwd(), { loaded })
              : undefined,
          );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`apiloom inspect: ${visibleLines(error.message)}\n`);
    return 2;
  }
  if (!apis) {
    process.stderr.write(
      `apiloom inspect: name at least one input file\n\n${HELP}`,
    );
    return 2;
  }
  for (const api of apis) settleOutput(api.out);
  // each API's merged model, in the config's order: one table each, or one JSON object by name
  const say = (line: string) => process.stderr.write(line);
  const models = [];
  for (const settings of apis)
    models.push({
      name: settings.api ?? "api",
      baseDir: settings.baseDir,
      // the inputs resolved as generate resolves them (globs, URLs, overlays, remote $refs)
      model: (await loadInputs(settings, say)).model,
    });
  if (flags.json)
    process.stdout.write(
      apis.length === 1
        ? JSON.stringify(toJson(models[0]!.model), null, 2) + "\n"
        : apisJson(models.map(({ name, model }) => [name, toJson(model)])),
    );
  else
    process.stdout.write(
      models
        .map(({ name, model, baseDir }) =>
          apis.length === 1 && apis[0]!.api === undefined
            ? renderTable(model, baseDir)
            : `API ${name}: ${renderTable(model, baseDir)}`,
        )
        .join("\n"),
    );
  return models.some(({ model }) =>
    model.diagnostics.some((d) => d.severity === "error"),
  )
    ? 1
    : 0;
}

/** The model as `inspect --json` prints it: endpoints with flattened parameters, and diagnostics. */
export function toJson(model: ApiModel) {
  return {
    info: model.info,
    servers: model.servers.map((s) => s.url),
    securitySchemes: Object.values(model.securitySchemes).map(
      ({ sources, ...scheme }) => ({ ...scheme, sources: sources.map(place) }),
    ),
    schemas: Object.keys(model.schemas),
    endpoints: model.endpoints.map((e) => ({
      method: e.method.toUpperCase(),
      path: e.path,
      name: e.name,
      operationId: e.operationId,
      summary: e.summary,
      servers: e.servers?.map((s) => s.url),
      parameters: allParameters(e.parameters).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required,
        schema: p.schema,
        description: p.description,
      })),
      requestBody: e.requestBody
        ? {
            required: e.requestBody.required,
            mediaTypes: e.requestBody.content.map((c) => c.mediaType),
          }
        : undefined,
      responses: e.responses.map((r) => ({
        status: r.status,
        mediaTypes: r.content.map((c) => c.mediaType),
      })),
      tags: e.tags,
      scopes: scopesOf(e),
      security: e.security,
      deprecated: e.deprecated,
      sources: e.sources.map(place),
    })),
    diagnostics: model.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...place(d),
      ...(d.related ? { related: d.related.map(place) } : {}),
    })),
  };
}

function place(source: { file: string; line: number; column: number }) {
  return { file: source.file, line: source.line, column: source.column };
}

/** Every OAuth scope any alternative of the endpoint's security names, sorted. */
function scopesOf(endpoint: Endpoint): string[] {
  return [...new Set(scopeAlternatives(endpoint).flat())].sort();
}

function renderTable(model: ApiModel, baseDir: string): string {
  const rows = model.endpoints.map((e) =>
    [
      e.method.toUpperCase(),
      e.path,
      e.name,
      allParameters(e.parameters)
        .map(
          (p) =>
            `${p.in === "path" ? "" : p.in + ":"}${p.name}${p.required ? "" : "?"}`,
        )
        .join(" "),
      scopesOf(e).join(" "),
      e.sources.map((s) => `${s.file}:${s.line}`).join(" "),
    ].map(visible),
  );
  const header = ["METHOD", "PATH", "NAME", "PARAMETERS", "SCOPES", "SOURCES"];
  const widths = header.map((h, i) =>
    Math.min(
      60,
      rows.reduce((width, r) => Math.max(width, r[i]!.length), h.length),
    ),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  let out = `${visible(`${model.info.title} ${model.info.version}`)}: ${plural(model.endpoints.length, "endpoint")}\n\n`;
  out += line(header) + "\n" + rows.map(line).join("\n") + "\n";
  out += `\n${plural(model.diagnostics.length, "diagnostic")}\n`;
  // as `generate --verbose` prints them, without colour
  printDiagnostics(
    model.diagnostics,
    { paint: paint(false), baseDir, cwd: process.cwd(), max: Infinity },
    (text) => (out += text),
  );
  return out;
}
