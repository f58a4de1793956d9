/*
 * Where `prism mock` rejects a call of the corpus conformance test for a reason that is not the
 * client's: a spec that contradicts itself, or a Prism limitation. Each entry names a spec, the
 * endpoints (by route) or violations it covers, and why. The test fails on any rejection no entry
 * covers, and on an entry that covers nothing.
 */
export interface CorpusDisagreement {
  spec: string;
  /** `METHOD /path` of the endpoint; every endpoint of the spec when absent. */
  route?: string;
  /** The violations covered (each must match); `crash` for a call that failed. */
  violation: RegExp | "crash";
  reason: string;
}

const RESPONSE = /^response\./;

export const CORPUS_ALLOW_LIST: readonly CorpusDisagreement[] = [
  {
    spec: "swagger2/slack-web-api.json",
    violation: RESPONSE,
    reason:
      "spec fault: Slack's response examples contradict its own schemas (members the schema " +
      "forbids, required members missing); Prism validates the mock answer it built from them",
  },
  {
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
      "declared, `Settable` as a string, missing `Options`)",
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
    spec: "swagger2/bitbucket-2.0.json",
    route: "GET /snippets/{username}/{encoded_id}/{node_id}/files/{path}",
    violation: /^500: .*Cannot find serializer for string/,
    reason:
      "Prism limitation: it cannot write a mock answer for this response's media type",
  },
  {
    spec: "swagger2/autorest-body-formdata.json",
    route: "PUT /formdata/stream/uploadfile",
    violation: /^500: .*Cannot find serializer for application\/octet-stream/,
    reason:
      "Prism limitation: it cannot write a mock application/octet-stream answer (the request was " +
      "accepted)",
  },
];
