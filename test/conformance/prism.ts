/* Stoplight Prism (a validator nobody here wrote) as a child process on 127.0.0.1. */
import { spawn, type ChildProcess } from "node:child_process";
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PRISM = realpathSync(
  fileURLToPath(new URL("../../node_modules/.bin/prism", import.meta.url)),
);

export interface RunningPrism {
  url: string;
  /** Everything Prism printed, for failure messages. */
  log: () => string;
  /** False once the process has exited (Prism dies on some requests). */
  alive: () => boolean;
  close: () => Promise<void>;
}

/**
 * `prism mock <spec> --errors` or `prism proxy <spec> <upstream> --errors` on a port the system
 * picks; resolves once Prism says where it listens. Starting ten of them on a loaded 2-core
 * machine took ~90 s, so the wait is long: it only bounds a Prism that never starts.
 */
export function startPrism(
  args: readonly string[],
  timeoutMs = 120_000,
): Promise<RunningPrism> {
  const child: ChildProcess = spawn(
    process.execPath,
    [PRISM, ...args, "-h", "127.0.0.1", "-p", "0", "--errors"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => resolve()),
  );
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`Prism did not start:\n${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(
        output,
      );
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          log: () => output,
          alive: () => child.exitCode === null && child.signalCode === null,
          close,
        });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited (${code}):\n${output}`));
    });
  });
}

/** Prism's objection to a request or a response, if its answer is one of its own errors. */
export interface Verdict {
  ok: boolean;
  status: number;
  /** `location: message` of each violation Prism lists. */
  violations: string[];
  detail?: string;
}

export async function verdictOf(
  response: Response,
  body: unknown,
): Promise<Verdict> {
  const type = response.headers.get("content-type") ?? "";
  const error = body as
    | {
        type?: string;
        title?: string;
        detail?: string;
        validation?: { location?: string[]; message?: string }[];
      }
    | undefined;
  if (
    type.startsWith("application/problem+json") &&
    typeof error?.type === "string" &&
    error.type.includes("stoplight.io/prism/errors")
  ) {
    const out: Verdict = {
      ok: false,
      status: response.status,
      violations: (error.validation ?? []).map(
        (v) => `${(v.location ?? []).join(".")}: ${v.message ?? ""}`,
      ),
    };
    const detail = [error.title, error.detail].filter(Boolean).join(": ");
    if (detail) out.detail = detail;
    return out;
  }
  return { ok: true, status: response.status, violations: [] };
}
