/*
 * Stoplight Prism judges what apiloom puts on the wire, for the specs of
 * test/fixtures/conformance/ (one endpoint per group of serialization rules):
 *   - mock: the generated client calls `prism mock <spec> --errors`; Prism validates each request;
 *   - proxy: the generated server (handlers that echo what they received) runs behind
 *     `prism proxy <spec> <server> --errors`; Prism validates the client's request and the
 *     server's response, and the handler must have received exactly the client's values.
 * Every rejection must be in prism-allow-list.ts with its reason, and every entry there must
 * still happen. Broken serializations (the bugs of issue 11, put back on purpose) must be rejected.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { listen, type RunningServer } from "../server/http.js";
import { OPENAPI_CASES, SWAGGER_CASES, type Case } from "./cases.js";
import {
  echoHandlers,
  generated,
  SPECS_DIR,
  type CallResult,
  type Generated,
} from "./generated.js";
import { ALLOW_LIST } from "./prism-allow-list.js";
import {
  startPrism,
  startPrismProcess,
  verdictOf,
  type RunningPrism,
} from "./prism.js";

type Mode = "mock" | "proxy";
const used = new Set<string>();

/** One Prism per spec and mode, started again when a request makes it exit. */
class PrismHolder {
  private prism: RunningPrism | undefined;
  constructor(private readonly args: string[]) {}
  async url(): Promise<string> {
    this.prism ??= await startPrism(this.args);
    return this.prism.url;
  }
  async restart(): Promise<void> {
    await this.prism?.close();
    this.prism = undefined;
  }
  close(): Promise<void> | undefined {
    return this.prism?.close();
  }
}

function conformance(spec: string, cases: Case[]): void {
  for (const mode of ["mock", "proxy"] as const)
    describe(`${mode}: ${spec}`, () => {
      let api: Generated;
      let server: RunningServer | undefined;
      let prism: PrismHolder;
      beforeAll(async () => {
        api = await generated(spec);
        const args = ["mock", join(SPECS_DIR, spec)];
        if (mode === "proxy") {
          server = await listen(
            api.createRequestListener(echoHandlers()) as Parameters<
              typeof listen
            >[0],
          );
          args.splice(0, 1, "proxy");
          args.push(server.baseUrl);
        }
        prism = new PrismHolder(args);
      });
      afterAll(async () => {
        await prism?.close();
        await server?.close();
      });

      test.each(cases)("$endpoint", async (c) => {
        const key = `${mode} ${spec} ${c.endpoint}`;
        const allowed = ALLOW_LIST.get(key);
        if (allowed) used.add(key);
        let result: CallResult;
        try {
          result = await api.client[c.endpoint]!(c.args, {
            baseUrl: await prism.url(),
          });
        } catch (error) {
          await prism.restart();
          if (allowed?.verdict === "crash") return;
          throw error;
        }
        const body = result.ok ? result.data : result.error;
        const verdict = await verdictOf(result.response, body);
        if (allowed) {
          expect(verdict.violations, allowed.reason).toEqual(allowed.verdict);
          return;
        }
        expect(verdict.violations, JSON.stringify(verdict)).toEqual([]);
        expect(verdict.ok).toBe(true);
        if (mode === "proxy") {
          expect(result.status, JSON.stringify(body)).toBe(c.status ?? 200);
          const got = body as Record<string, unknown>;
          expect(got.endpoint).toBe(c.endpoint);
          const expected = c.received ?? c.args;
          for (const part of ["path", "query", "headers", "cookies", "body"])
            if (expected[part] !== undefined)
              expect(got[part], part).toEqual(expected[part]);
        }
      });
    });
}

conformance("styles.openapi.yaml", OPENAPI_CASES);
conformance("styles.swagger.yaml", SWAGGER_CASES);

describe("Prism rejects the serializations issue 11 fixed, put back on purpose", () => {
  let api: Generated;
  let prism: RunningPrism;
  beforeAll(async () => {
    api = await generated("styles.openapi.yaml");
    prism = await startPrism(["mock", join(SPECS_DIR, "styles.openapi.yaml")]);
  });
  afterAll(async () => {
    await prism?.close();
  });

  /** Calls through a fetch that rewrites the request the way the old client wrote it. */
  async function broken(
    c: Case,
    rewrite: (url: URL, headers: Headers) => void,
  ): Promise<string[]> {
    // the client hands fetch one Request (its middleware may have replaced it)
    const fetchBroken: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const headers = new Headers(request.headers);
      rewrite(url, headers);
      return fetch(
        new Request(url, {
          ...request,
          headers,
          body: request.body,
          method: request.method,
          duplex: "half",
        } as RequestInit),
      );
    };
    const result = await api.client[c.endpoint]!(c.args, {
      baseUrl: prism.url,
      fetch: fetchBroken,
    });
    const verdict = await verdictOf(
      result.response,
      result.ok ? result.data : result.error,
    );
    return verdict.violations;
  }
  const find = (name: string) =>
    OPENAPI_CASES.find((c) => c.endpoint === name)!;

  test("an object header sent as [object Object]", async () => {
    const violations = await broken(find("headerStyles"), (_url, headers) =>
      headers.set("X-Color", "[object Object]"),
    );
    expect(violations.join("\n")).toMatch(/X-Color/i);
  });

  test("a content (JSON) query parameter spread into separate fields", async () => {
    const violations = await broken(find("queryStyles"), (url) => {
      const filter = JSON.parse(url.searchParams.get("filter")!) as object;
      url.searchParams.delete("filter");
      for (const [k, v] of Object.entries(filter))
        url.searchParams.append(k, String(v));
    });
    expect(violations.join("\n")).toMatch(/filter/);
  });
});

describe("the prism CLI, as a process, agrees with the Prism run in-process", () => {
  const spec = "styles.openapi.yaml";
  test.each(["mock", "proxy"] as const)(
    `%s: ${spec}`,
    { timeout: 180_000 },
    async (mode) => {
      const api = await generated(spec);
      // the echo server, but scalarPath answers an array where the spec says object
      const echo = echoHandlers() as Record<string, unknown>;
      const handlers = new Proxy(echo, {
        get: (target, name) =>
          name === "scalarPath"
            ? () => ({ status: 200, body: ["not an object"] })
            : target[name as string],
      });
      const server =
        mode === "proxy"
          ? await listen(
              api.createRequestListener(handlers) as Parameters<
                typeof listen
              >[0],
            )
          : undefined;
      const args = [mode, join(SPECS_DIR, spec)];
      if (server) args.push(server.baseUrl);
      // every case, the first that kills Prism last
      const crashes = (c: Case) =>
        ALLOW_LIST.get(`${mode} ${spec} ${c.endpoint}`)?.verdict === "crash";
      const cases = [
        ...OPENAPI_CASES.filter((c) => !crashes(c)),
        OPENAPI_CASES.find(crashes)!,
      ];
      const judge = async (prism: RunningPrism) => {
        const out: unknown[] = [];
        for (const c of cases) {
          try {
            const r = await api.client[c.endpoint]!(c.args, {
              baseUrl: prism.url,
            });
            const body = r.ok ? r.data : r.error;
            const { violations } = await verdictOf(r.response, body);
            out.push({
              endpoint: c.endpoint,
              status: r.status,
              violations,
              body,
            });
          } catch {
            out.push({ endpoint: c.endpoint, crash: true });
          }
        }
        return out;
      };
      const [cli, inProcess] = await Promise.all([
        startPrismProcess(args),
        startPrism(args),
      ]);
      try {
        const byCli = await judge(cli);
        expect(await judge(inProcess)).toEqual(byCli);
        // both judged a request and (proxy) a response they reject
        expect(JSON.stringify(byCli)).toMatch(
          mode === "mock"
            ? /"query\./
            : /"response\.body: Response body must be object/,
        );
        expect(byCli.at(-1)).toEqual({
          endpoint: cases.at(-1)!.endpoint,
          crash: true,
        });
        await vi.waitFor(() => expect(cli.alive()).toBe(false));
        expect(inProcess.alive()).toBe(false);
      } finally {
        await Promise.all([cli.close(), inProcess.close(), server?.close()]);
      }
    },
  );
});

describe("the allow-list", () => {
  test("has no entry that did not happen", () => {
    expect([...ALLOW_LIST.keys()].filter((k) => !used.has(k))).toEqual([]);
  });
});
