// The generated client's bundle size (issue 25): programs that import one endpoint function and
// call it, bundled and minified by esbuild, gzipped. A plain call, then the same call with each
// optional feature, so that what a feature costs, and that unused ones cost nothing, shows.
// `node bench/bundle.mjs` alone, or as part of `npm run bench` (BENCH_ONLY=bundle for it only).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** A small API with one endpoint per feature: a plain GET, pages, events, a styled form, OAuth. */
export const SPEC = {
  openapi: "3.1.0",
  info: { title: "Bundle", version: "1" },
  servers: [{ url: "https://api.example.com" }],
  components: {
    securitySchemes: {
      machine: {
        type: "oauth2",
        flows: {
          clientCredentials: {
            tokenUrl: "https://api.example.com/token",
            scopes: {},
          },
        },
      },
    },
    schemas: {
      Pet: {
        type: "object",
        required: ["id", "name"],
        properties: {
          id: { type: "string" },
          name: { type: "string", maxLength: 50 },
        },
      },
    },
  },
  security: [{ machine: [] }],
  paths: {
    "/pets/{id}": {
      get: {
        operationId: "getPet",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
          },
        ],
        responses: {
          200: {
            description: "ok",
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/Pet" },
              },
            },
          },
          404: { description: "missing" },
        },
      },
    },
    "/pets": {
      get: {
        operationId: "listPets",
        parameters: [
          { name: "cursor", in: "query", schema: { type: "string" } },
        ],
        responses: {
          200: {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    pets: {
                      type: "array",
                      items: { $ref: "#/components/schemas/Pet" },
                    },
                    nextCursor: { type: "string" },
                  },
                },
              },
            },
          },
        },
      },
    },
    "/pets/{id}/photo": {
      post: {
        operationId: "uploadPhoto",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
          },
        ],
        requestBody: {
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                properties: {
                  photo: { type: "string", format: "binary" },
                  tags: { type: "array", items: { type: "string" } },
                },
              },
              encoding: { tags: { style: "form", explode: false } },
            },
          },
        },
        responses: { 204: { description: "stored" } },
      },
    },
    "/events": {
      get: {
        operationId: "watchPets",
        responses: {
          200: {
            description: "ok",
            content: {
              "text/event-stream": {
                schema: { $ref: "#/components/schemas/Pet" },
              },
            },
          },
        },
      },
    },
  },
};

const CALL = `await getPet({ path: { id: "1" } }`;
/** Each program: what it imports and does. */
export const PROGRAMS = {
  "plain call": `import { getPet } from "./out/client/index.ts";\nconsole.log(${CALL}));`,
  "+ throwOnError, retry, timeouts, middleware options": `import { getPet } from "./out/client/index.ts";\nconsole.log(${CALL}, { throwOnError: true, retry: { attempts: 5 }, timeout: 1000, totalTimeout: 5000, middleware: [{ onRequest: ({ request }) => request }] }));`,
  "+ validateResponses (client/validate.ts)": `import { getPet } from "./out/client/index.ts";\nimport { validateResponses } from "./out/client/validate.ts";\nconsole.log(${CALL}, { validateResponses }));`,
  "+ createClient": `import { createClient } from "./out/client/index.ts";\nconsole.log(await createClient({}).getPet({ path: { id: "1" } }));`,
  "+ pages (listPetsPages)": `import { getPet, listPetsPages } from "./out/client/index.ts";\nconsole.log(${CALL}));\nfor await (const pet of listPetsPages()) console.log(pet);`,
  "+ server-sent events (watchPets)": `import { getPet, watchPets } from "./out/client/index.ts";\nconsole.log(${CALL}));\nfor await (const e of await watchPets({}, { throwOnError: true })) console.log(e.data);`,
  "+ an encoded multipart form (uploadPhoto)": `import { getPet, uploadPhoto } from "./out/client/index.ts";\nconsole.log(${CALL}));\nconsole.log(await uploadPhoto({ path: { id: "1" }, body: { tags: ["a", "b"] } }));`,
  "+ OAuth client credentials": `import { getPet, TOKEN_URLS } from "./out/client/index.ts";\nimport { clientCredentials } from "./out/client/oauth.ts";\nconst oauth = clientCredentials({ tokenUrl: TOKEN_URLS.machine, clientId: "a", clientSecret: "b" });\nconsole.log(${CALL}, { auth: { token: oauth.token }, middleware: [oauth] }));`,
};

/** Rows of { program, minified, gzipped } for the generated client of SPEC. */
export async function bundleSizes() {
  const { build } = await import("esbuild");
  const work = mkdtempSync(join(tmpdir(), "apiloom-bundle-"));
  try {
    writeFileSync(join(work, "spec.json"), JSON.stringify(SPEC));
    execFileSync(
      process.execPath,
      [
        join(ROOT, "bin/apiloom.js"),
        "generate",
        join(work, "spec.json"),
        "--out",
        join(work, "out"),
        "--artifacts",
        // the validators for the program that validates responses (client/validate.ts)
        "client,validators",
      ],
      { cwd: work, stdio: "ignore" },
    );
    const rows = [];
    for (const [program, contents] of Object.entries(PROGRAMS)) {
      const result = await build({
        stdin: { contents, resolveDir: work, loader: "ts" },
        bundle: true,
        minify: true,
        format: "esm",
        platform: "neutral",
        target: "es2022",
        write: false,
        metafile: true,
      });
      const code = result.outputFiles[0].contents;
      const inputs = Object.values(result.metafile.outputs)[0].inputs;
      const files = Object.entries(inputs)
        .filter(([, i]) => i.bytesInOutput > 0)
        .map(([f, i]) => [f.replace(/^.*?out\//, ""), i.bytesInOutput]);
      rows.push({
        program,
        minified: code.length,
        gzipped: gzipSync(code).length,
        files,
      });
    }
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function printBundleSizes(rows) {
  const plain = rows[0].gzipped;
  console.log(
    "\nBundle size of a program calling the generated client (esbuild --minify, then gzip at its default level):\n",
  );
  console.log("| program | minified | gzipped | vs plain call |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const r of rows)
    console.log(
      `| ${r.program} | ${r.minified} B | ${r.gzipped} B | ${r === rows[0] ? "" : `${r.gzipped - plain >= 0 ? "+" : ""}${r.gzipped - plain} B`} |`,
    );
  console.log(
    `\nPlain call: ${(plain / 1024).toFixed(2)} KiB gzipped, auth.ts included (this API has security schemes; the ≤ 4 KiB goal is a call to an API without them, test/client/bundle.test.ts). Its minified bytes by file: ` +
      rows[0].files.map(([f, b]) => `${f} ${b}`).join(", "),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  printBundleSizes(await bundleSizes());
