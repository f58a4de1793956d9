// The descriptions bench/typecheck.mjs checks, and for each the three-call program written for
// each tool's client (`client.` at the first call is where the editor bench asks for completions).
// GitHub's description is OpenAPI 3.0 and every tool reads it; for the Swagger 2.0 and the
// Postman-derived ones, which openapi-typescript 7 refuses and neither peer reads, the peers are
// given the OpenAPI 3.1 document apiloom merges from them (`-a openapi`), the same operations.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** ../shared/corpus beside the repository (real descriptions nobody here wrote). */
const CORPUS = join(ROOT, "..", "shared", "corpus");

/**
 * A three-call program for each tool: `calls` are the statements inside `main`, `head` what
 * comes before it (imports, the client).
 */
function program(head, calls) {
  return `${head}

export async function main(): Promise<void> {
${calls.map((line) => `  ${line}`).join("\n")}
}
`;
}

const apiloomHead = (options) =>
  `import { createClient } from "./out/client/index.js";

const client = createClient(${options});`;
const fetchHead = (baseUrl) =>
  `import createClient from "openapi-fetch";
import type { paths } from "./out/schema.js";

const client = createClient<paths>({ baseUrl: "${baseUrl}" });`;
const heyHead = `import * as client from "./out/sdk.gen.js";`;

const OWNER_REPO = `{ owner: "octocat", repo: "hello-world" }`;
// openapi-typescript makes a member with a default required (its defaultNonNullable): the
// body gives them all, so that the program is the same for every tool
const DOCKER_BODY = `{ Image: "nginx", AttachStdin: false, AttachStdout: true, AttachStderr: true, Tty: false, OpenStdin: false, StdinOnce: false, StopSignal: "SIGTERM", StopTimeout: 10 }`;

export const INPUTS = {
  github: {
    title: "GitHub (OpenAPI 3.0, 1,223 operations)",
    spec: (modules) =>
      join(modules, "@octokit/openapi/generated/api.github.com.json"),
    // every tool reads the description itself
    peersReadSpec: true,
    programs: {
      apiloom: program(apiloomHead(`{ auth: { token: "t" } }`), [
        `const repo = await client.reposGet({ path: ${OWNER_REPO} });`,
        `if (repo.ok) console.log(repo.data.full_name, repo.data.stargazers_count);`,
        `const issues = await client.issuesListForRepo({`,
        `  path: ${OWNER_REPO},`,
        `  query: { state: "open", per_page: 10 },`,
        `});`,
        `if (issues.ok) for (const issue of issues.data) console.log(issue.title);`,
        `const created = await client.issuesCreate({`,
        `  path: ${OWNER_REPO},`,
        `  body: { title: "Found a bug", labels: ["bug"] },`,
        `});`,
        `if (created.ok) console.log(created.data.number);`,
        `else if (created.status === 404) console.log(created.error);`,
      ]),
      "openapi-fetch": program(fetchHead("https://api.github.com"), [
        `const repo = await client.GET("/repos/{owner}/{repo}", {`,
        `  params: { path: ${OWNER_REPO} },`,
        `});`,
        `if (repo.data) console.log(repo.data.full_name, repo.data.stargazers_count);`,
        `const issues = await client.GET("/repos/{owner}/{repo}/issues", {`,
        `  params: { path: ${OWNER_REPO}, query: { state: "open", per_page: 10 } },`,
        `});`,
        `if (issues.data) for (const issue of issues.data) console.log(issue.title);`,
        `const created = await client.POST("/repos/{owner}/{repo}/issues", {`,
        `  params: { path: ${OWNER_REPO} },`,
        `  body: { title: "Found a bug", labels: ["bug"] },`,
        `});`,
        `if (created.data) console.log(created.data.number);`,
        `else if (created.response.status === 404) console.log(created.error);`,
      ]),
      "hey-api": program(heyHead, [
        `const repo = await client.reposGet({ path: ${OWNER_REPO} });`,
        `if (repo.data) console.log(repo.data.full_name, repo.data.stargazers_count);`,
        `const issues = await client.issuesListForRepo({`,
        `  path: ${OWNER_REPO},`,
        `  query: { state: "open", per_page: 10 },`,
        `});`,
        `if (issues.data) for (const issue of issues.data) console.log(issue.title);`,
        `const created = await client.issuesCreate({`,
        `  path: ${OWNER_REPO},`,
        `  body: { title: "Found a bug", labels: ["bug"] },`,
        `});`,
        `if (created.data) console.log(created.data.number);`,
        `else console.log(created.error);`,
      ]),
    },
  },
  docker: {
    title: "Docker Engine 1.41 (Swagger 2.0, 106 operations)",
    spec: () => join(CORPUS, "swagger2/docker-engine-v1.41.yaml"),
    peersReadSpec: false,
    programs: {
      apiloom: program(apiloomHead("{}"), [
        `const list = await client.containerList({ query: { all: true, limit: 10 } });`,
        `if (list.ok) for (const c of list.data) console.log(c.Id, c.Names);`,
        `const one = await client.containerInspect({ path: { id: "web" } });`,
        `if (one.ok) console.log(one.data.State?.Status);`,
        `const created = await client.containerCreate({`,
        `  query: { name: "web" },`,
        `  body: ${DOCKER_BODY},`,
        `});`,
        `if (created.ok) console.log(created.data.Id);`,
        `else if (created.status === 404) console.log(created.error);`,
      ]),
      "openapi-fetch": program(fetchHead("http://localhost/v1.41"), [
        `const list = await client.GET("/containers/json", {`,
        `  params: { query: { all: true, limit: 10 } },`,
        `});`,
        `if (list.data) for (const c of list.data) console.log(c.Id, c.Names);`,
        `const one = await client.GET("/containers/{id}/json", {`,
        `  params: { path: { id: "web" } },`,
        `});`,
        `if (one.data) console.log(one.data.State?.Status);`,
        `const created = await client.POST("/containers/create", {`,
        `  params: { query: { name: "web" } },`,
        `  body: ${DOCKER_BODY},`,
        `});`,
        `if (created.data) console.log(created.data.Id);`,
        `else if (created.response.status === 404) console.log(created.error);`,
      ]),
      "hey-api": program(heyHead, [
        `const list = await client.containerList({ query: { all: true, limit: 10 } });`,
        `if (list.data) for (const c of list.data) console.log(c.Id, c.Names);`,
        `const one = await client.containerInspect({ path: { id: "web" } });`,
        `if (one.data) console.log(one.data.State?.Status);`,
        `const created = await client.containerCreate({`,
        `  query: { name: "web" },`,
        `  body: ${DOCKER_BODY},`,
        `});`,
        `if (created.data) console.log(created.data.Id);`,
        `else console.log(created.error);`,
      ]),
    },
  },
  transferwise: {
    title: "TransferWise (Postman 2.1, 54 requests)",
    spec: () => join(CORPUS, "postman/transferwise-api.v21.json"),
    peersReadSpec: false,
    programs: {
      apiloom: program(apiloomHead("{}"), [
        `const transfers = await client.getTransfers({ query: { limit: "10" } });`,
        `if (transfers.ok) console.log(transfers.data);`,
        `const one = await client.getTransfersId({ path: { transferId: "1" } });`,
        `if (one.ok) console.log(one.data);`,
        `const created = await client.postTransfers({ body: { targetAccount: 1 } });`,
        `if (created.ok) console.log(created.data);`,
        `else console.log(created.status, created.error);`,
      ]),
      "openapi-fetch": program(fetchHead("https://api.transferwise.com"), [
        `const transfers = await client.GET("/v1/transfers", {`,
        `  params: { query: { limit: "10" } },`,
        `});`,
        // no response is described: openapi-fetch types each result as never
        `console.log(transfers);`,
        `const one = await client.GET("/v1/transfers/{transferId}", {`,
        `  params: { path: { transferId: "1" } },`,
        `});`,
        `console.log(one);`,
        `const created = await client.POST("/v1/transfers", {`,
        `  body: { targetAccount: 1 },`,
        `});`,
        `console.log(created);`,
      ]),
      "hey-api": program(heyHead, [
        `const transfers = await client.getTransfers({ query: { limit: "10" } });`,
        `if (transfers.data) console.log(transfers.data);`,
        `const one = await client.getTransfersId({ path: { transferId: "1" } });`,
        `if (one.data) console.log(one.data);`,
        `const created = await client.postTransfers({ body: { targetAccount: 1 } });`,
        `if (created.data) console.log(created.data);`,
        `else console.log(created.error);`,
      ]),
    },
  },
};

/** The inputs to run: TYPECHECK_INPUTS (comma-separated keys of INPUTS), those present. */
export function pickInputs(names) {
  const wanted = names ?? Object.keys(INPUTS);
  return wanted.flatMap((name) => {
    const input = INPUTS[name];
    if (!input) throw new Error(`typecheck: no input ${name}`);
    if (!input.peersReadSpec && !existsSync(CORPUS)) {
      console.log(`typecheck: ${name} skipped (no ${CORPUS})`);
      return [];
    }
    return [{ name, ...input }];
  });
}
