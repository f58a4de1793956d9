/*
 * Where `prism mock` rejects a call of the corpus conformance test for a reason that is not the
 * client's: a spec that contradicts itself, or a Prism limitation. Each entry names a spec, the
 * endpoints (by route) or violations it covers, and why. The test fails on any rejection no entry
 * covers, and on an entry that covers nothing.
 */
export interface CorpusDisagreement {
  /** `mock` or `proxy`; both when absent. */
  mode?: "mock" | "proxy";
  spec: string;
  /** `METHOD /path` of the endpoint; every endpoint of the spec when absent. */
  route?: string;
  /**
   * The violations covered (each must match); `crash` for a call that failed; `mismatch` for a
   * call Prism accepted whose handler received other values (proxy), matched by `received`.
   */
  violation: RegExp | "crash" | "mismatch";
  received?: RegExp;
  reason: string;
}

const RESPONSE = /^response[.:]/;

const PROXY_REENCODES =
  "Prism limitation: prism proxy re-encodes the query before forwarding it (`,` as %2C), so a " +
  "csv array's delimiters and an item's own escaped comma arrive alike; the first item, which " +
  "holds a comma, arrives split (the mock mode checks what the client sends)";

export const CORPUS_ALLOW_LIST: readonly CorpusDisagreement[] = [
  {
    spec: "swagger2/slack-web-api.json",
    violation: RESPONSE,
    reason:
      "spec fault: Slack's response examples contradict its own schemas (members the schema " +
      "forbids, required members missing); Prism validates the mock answer it built from them",
  },
  {
    mode: "mock",
    spec: "swagger2/bitbucket-2.0.json",
    violation: RESPONSE,
    reason:
      "spec fault and Prism limitation: commit hashes in examples do not match the schema's " +
      "pattern, and Prism's generated answer stops the recursive `parents` schema with a non-object",
  },
  {
    spec: "swagger2/docker-engine-v1.41.yaml",
    violation: RESPONSE,
    reason:
      "spec fault: Docker's response examples contradict its schemas (strings where objects are " +
      "declared, `Settable` as a string, missing `Options`), and its log streams are declared " +
      "`format: binary` under application/json and text/plain (the proxy's handler answers " +
      "them as application/octet-stream)",
  },
  {
    mode: "proxy",
    spec: "swagger2/bitbucket-2.0.json",
    violation: RESPONSE,
    reason:
      "spec fault: 204 No Content answers declared with a body schema (hooks, votes, watches); " +
      "the handler answers 204 without a body, as HTTP requires",
  },
  {
    spec: "swagger2/docker-engine-v1.41.yaml",
    route: "POST /build",
    violation: /^(request\.)?header\.content-type: .*application\/x-tar/,
    reason:
      "spec fault: the operation consumes application/octet-stream while its Content-type header " +
      "parameter allows only application/x-tar",
  },
  {
    spec: "swagger2/docker-engine-v1.41.yaml",
    route: "POST /containers/create",
    violation: /^(request\.)?body\.Entrypoint: /,
    reason:
      'spec fault: the body example (used as the call\'s body) has `Entrypoint: ""` where the ' +
      "schema says array",
  },
  {
    spec: "swagger2/petstore.json",
    violation:
      /No supported content types, but request included a non-empty body/,
    reason:
      "spec fault: body parameters with no `consumes` anywhere in the document; the client sends " +
      "application/json, Prism accepts no media type at all",
  },
  {
    mode: "proxy",
    spec: "swagger2/autorest-body-formdata.json",
    route: "PUT /formdata/stream/uploadfile",
    violation: /^body: Request body must be object/,
    reason:
      "spec fault (swagger-parser rejects the document): a formData file parameter under " +
      "`consumes: application/octet-stream`; the client sends the file as the raw body",
  },
  {
    mode: "proxy",
    spec: "swagger2/docker-engine-v1.41.yaml",
    route: "GET /images/get",
    violation: "mismatch",
    received: /^query: /,
    reason: PROXY_REENCODES,
  },
  {
    mode: "proxy",
    spec: "swagger2/netlify.yml",
    violation: "mismatch",
    received: /^query: /,
    reason: PROXY_REENCODES,
  },
  {
    spec: "specs/stride-messaging.swagger.yaml",
    violation:
      /No supported content types, but request included a non-empty body/,
    reason:
      "spec fault: POST, PUT and PATCH operations declare a Content-Type header parameter (a " +
      "body is sent) but no body parameter; apiloom takes the body the header announces " +
      "(model/undescribed-body) and the synthesizer sends it, Prism reads Swagger 2.0's " +
      "parameters only and accepts no body (issue 24 L: evidence, unlike a bare consumes)",
  },
  {
    spec: "swagger2/docker-engine-v1.41.yaml",
    route: "POST /session",
    violation: "crash",
    reason:
      "the endpoint answers 101 Switching Protocols (an HTTP upgrade, as the spec says), which " +
      "fetch cannot receive",
  },
  {
    spec: "swagger2/bitbucket-2.0.json",
    route:
      "GET /repositories/{username}/{repo_slug}/issues/{issue_id}/attachments/{path}",
    violation: "crash",
    reason:
      "the spec declares only a 302 answer; Prism mocks it with a Location that leads back to a " +
      "302, and fetch follows it until its redirect limit",
  },
  {
    mode: "mock",
    spec: "swagger2/bitbucket-2.0.json",
    route: "GET /snippets/{username}/{encoded_id}/{node_id}/files/{path}",
    violation: /^500: .*Cannot find serializer for string/,
    reason:
      "Prism limitation: it cannot write a mock answer for this response's media type",
  },
  {
    mode: "mock",
    spec: "swagger2/autorest-body-formdata.json",
    route: "PUT /formdata/stream/uploadfile",
    violation: /^500: .*Cannot find serializer for application\/octet-stream/,
    reason:
      "Prism limitation: it cannot write a mock application/octet-stream answer (the request was " +
      "accepted)",
  },
];
