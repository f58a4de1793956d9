import type { Server } from "../../model/types.js";
import {
  child,
  sourceOf,
  stringAt,
  stringsAt,
} from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { trimTrailing } from "../../model/linear-text.js";

/**
 * `host`, `basePath` and `schemes` (§Swagger Object) as servers: one per scheme,
 * `scheme://host/basePath`. Without a host the API lives on the host that serves the document, so
 * the server is the base path alone, a relative URL; with neither nothing is known. A trailing
 * slash is dropped because endpoint paths start with one.
 */
export function readServers(reading: SpecReading): Server[] {
  const { root } = reading;
  let host = stringAt(root, "host")?.trim();
  const written = host && /^([a-z][a-z0-9+.-]*):\/\//i.exec(host);
  if (host && written) {
    reading.reporter.report(
      "swagger2/invalid-host",
      `host ${JSON.stringify(host)} must not name a scheme (\`schemes\` does); it is read as ${JSON.stringify(host.slice(written[0].length))}`,
      sourceOf(child(root, "host")),
    );
    host = host.slice(written[0].length);
  }
  const rawBase = stringAt(root, "basePath")?.trim();
  if (!host && rawBase === undefined) return [];
  let basePath = rawBase ?? "";
  if (basePath !== "" && !basePath.startsWith("/")) {
    reading.reporter.report(
      "swagger2/invalid-base-path",
      `basePath ${JSON.stringify(basePath)} must start with '/'`,
      sourceOf(child(root, "basePath")),
    );
    basePath = "/" + basePath;
  }
  basePath = trimTrailing(basePath, "/");
  if (!host) {
    return [
      { url: basePath || "/", sources: [sourceOf(child(root, "basePath"))] },
    ];
  }
  const sources = [sourceOf(child(root, "host"))];
  let schemes = [
    ...new Set((stringsAt(root, "schemes") ?? []).map((s) => s.toLowerCase())),
  ];
  if (schemes.length === 0 && written) schemes = [written[1]!.toLowerCase()];
  if (schemes.length === 0) {
    reading.reporter.report(
      "swagger2/no-schemes",
      `the document names a host but no schemes; https is assumed`,
      sourceOf(child(root, "host")),
    );
    schemes = ["https"];
  }
  return schemes.map((scheme) => ({
    url: `${scheme}://${trimTrailing(host, "/")}${basePath}`,
    sources,
  }));
}
