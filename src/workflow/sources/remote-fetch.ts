import * as http from "node:http";
import * as https from "node:https";
import { pipeline, type Readable, type Transform } from "node:stream";
import * as zlib from "node:zlib";
import type { IngestCode as DiagnosticCode } from "../../ingest/codes.js";
import { size, tooLarge } from "../../ingest/read-source.js";
import { ConfigError } from "../config/error.js";
import { shownUrl } from "../../model/source-url.js";

export interface FetchOptions {
  timeoutMs: number;
  maxRedirects: number;
  /** Largest answer, after decompression (the input size limit). */
  maxBytes: number;
  /** The headers configured for an origin (`https://api.example.com`), or none. */
  headersFor(origin: string): Record<string, string>;
  /** The cached copy's validators: the server may answer 304 Not Modified (none: fetched whole). */
  validators?: Validators;
  /** apiloom's version, for the User-Agent. */
  version: string;
}

type Validators = { etag?: string; lastModified?: string };

export type FetchAnswer =
  ({ status: "ok"; bytes: Buffer } & Validators) | { status: "not-modified" };

/**
 * Why a URL gave no document. `noAnswer`: the server could not be reached or did not answer in
 * time (or answered 502, 503, 504), so a cached copy may stand in; any other failure (404, a
 * redirect loop, an answer over the limit) is the server's word and is reported.
 */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly code: DiagnosticCode = "input/fetch-failed",
    readonly noAnswer = false,
  ) {
    super(message);
  }
}

const DECODERS = new Map<string, () => Transform>([
  ["gzip", zlib.createGunzip],
  ["x-gzip", zlib.createGunzip],
  ["deflate", zlib.createInflate],
  ["br", zlib.createBrotliDecompress],
]);

const ACCEPT = "application/json, application/yaml, text/yaml, */*;q=0.5";

/** GETs `url`, following at most `maxRedirects` redirects; throws a {@link FetchError}. */
export async function fetchDocument(url: string, options: FetchOptions) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs);
  try {
    return await follow(new URL(url), options, abort.signal);
  } catch (error) {
    if (error instanceof FetchError || error instanceof ConfigError)
      throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FetchError(
      abort.signal.aborted
        ? `no answer within ${options.timeoutMs / 1000} s (config: remote.timeout, flag --fetch-timeout)`
        : `cannot fetch: ${code ?? (error as Error).message}`,
      "input/fetch-failed",
      true,
    );
  } finally {
    clearTimeout(timer);
  }
}

async function follow(
  start: URL,
  options: FetchOptions,
  signal: AbortSignal,
): Promise<FetchAnswer> {
  const seen = [start.href];
  let url = start;
  for (;;) {
    const response = await get(url, options, signal);
    const status = response.statusCode ?? 0;
    if ([301, 302, 303, 307, 308].includes(status)) {
      response.resume();
      const location = response.headers.location;
      if (!location)
        throw new FetchError(`the server answered ${status} with no Location`);
      const next = new URL(location, url);
      if (seen.includes(next.href))
        throw new FetchError(
          `redirect loop: ${[...seen.slice(seen.indexOf(next.href)), next.href].map(shownUrl).join(" → ")}`,
        );
      if (seen.length > options.maxRedirects)
        throw new FetchError(
          `more than ${options.maxRedirects} redirects (config: remote.maxRedirects); the last went to ${shownUrl(next.href)}`,
        );
      if (next.protocol !== "http:" && next.protocol !== "https:")
        throw new FetchError(
          `redirected to ${JSON.stringify(next.protocol)}, which apiloom does not fetch`,
        );
      if (url.protocol === "https:" && next.protocol === "http:")
        throw new FetchError(
          `redirected from https to plain http (${shownUrl(next.href)}); refused`,
        );
      seen.push(next.href);
      url = next;
      continue;
    }
    const { etag, lastModified } = options.validators ?? {};
    if (status === 304 && (etag ?? lastModified) !== undefined) {
      response.resume();
      return { status: "not-modified" };
    }
    if (status < 200 || status > 299 || status === 204 || status === 206) {
      response.resume();
      throw new FetchError(
        `the server answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ""}${seen.length > 1 ? ` (at ${shownUrl(url.href)})` : ""}`,
        "input/fetch-failed",
        [502, 503, 504].includes(status), // no answer: a cached copy may stand in
      );
    }
    return {
      status: "ok",
      bytes: await readBody(response, options.maxBytes),
      etag: header(response, "etag"),
      lastModified: header(response, "last-modified"),
    };
  }
}

/**
 * One request. The configured headers go to their own origin only: a redirect to another origin
 * (another host, port or scheme) is asked without them.
 */
function get(
  url: URL,
  options: FetchOptions,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  const headers: Record<string, string> = {
    accept: ACCEPT,
    "accept-encoding": "gzip, deflate, br",
    "user-agent": `apiloom/${options.version}`,
  };
  for (const [name, value] of Object.entries(options.headersFor(url.origin)))
    headers[name.toLowerCase()] = value;
  const { etag, lastModified } = options.validators ?? {};
  if (etag !== undefined) headers["if-none-match"] = etag;
  if (lastModified !== undefined) headers["if-modified-since"] = lastModified;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    client.get(url, { headers, signal }, resolve).on("error", reject);
  });
}

function header(response: http.IncomingMessage, name: string) {
  const value = response.headers[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The body, decompressed, at most `maxBytes`, counted as it comes (a small gzip can hold gigabytes). */
async function readBody(
  response: http.IncomingMessage,
  maxBytes: number,
): Promise<Buffer> {
  const refuse = (what: string) => {
    response.destroy();
    const { message, code } = tooLarge(what, maxBytes);
    return new FetchError(message, code);
  };
  const length = Number(response.headers["content-length"]);
  const encoding = (response.headers["content-encoding"] ?? "identity")
    .toString()
    .trim()
    .toLowerCase();
  if (encoding === "identity" && Number.isFinite(length) && length > maxBytes)
    throw refuse(`the answer is ${size(length)}`);
  const decoder = DECODERS.get(encoding)?.();
  let stream: Readable = response;
  if (decoder) {
    // the bytes received count too (empty deflate blocks decompress to nothing), and pipeline
    // ends the decoder when the answer fails or the deadline aborts it (pipe() left it waiting)
    let received = 0;
    response.on("data", (chunk: Buffer) => {
      if ((received += chunk.length) > maxBytes)
        decoder.destroy(refuse("the answer is larger"));
    });
    stream = pipeline(response, decoder, () => {});
  } else if (encoding !== "identity")
    throw new FetchError(
      `the answer is encoded as ${JSON.stringify(encoding)}, which apiloom does not read`,
    );
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        stream.destroy();
        throw refuse(
          encoding === "identity"
            ? "the answer is larger"
            : `the answer decompresses to more`,
        );
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if ((error as NodeJS.ErrnoException).code?.startsWith("Z_"))
      throw new FetchError(
        `the answer's ${encoding} data is broken: ${(error as Error).message}`,
      );
    throw error;
  }
  return Buffer.concat(chunks, total);
}
