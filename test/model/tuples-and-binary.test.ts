import { describe, expect, it } from "vitest";
import { loadValidators } from "../validators/generated.js";
import { generateFixture, typeCheckStrictest } from "./fidelity-project.js";

/*
 * Two faults the samples oracle found (test/validators/oracles): each fixture's generated project
 * plus a file of values the API may send, typed as the generated types, compiles under the
 * strictest configuration; values the schema forbids are type errors.
 */
async function compileWithUsage(file: string, usage: string): Promise<string> {
  const name = file.replace(/\.\w+$/, "");
  const { files } = await generateFixture(file);
  const project = [...files, { path: "usage.ts", contents: usage }];
  const result = await typeCheckStrictest(name, new Map([[name, project]]));
  return result.output;
}

describe("a tuple (draft-4 array-form items) requires no element, and without type no array", () => {
  it("types Slack's `items: [A, B]` without type as unknown and tuple elements as optional", async () => {
    const usage = `import type { Conversation } from "./types.js";
export const message: Conversation = { latest: { text: "hi" }, pair: [] };
export const text: Conversation = { latest: "hi", pair: ["a"] };
export const longer: Conversation["pair"] = ["a", 1, true];
export const pinned: Conversation = { pinned: ["a"] };
// @ts-expect-error minItems 1 requires the first element
export const empty: Conversation = { pinned: [] };
// @ts-expect-error additionalItems: false closes the tuple
export const more: Conversation = { pinned: ["a", 1, 2] };
// @ts-expect-error the first element is a string
export const wrong: Conversation = { pair: [1] };
`;
    expect(await compileWithUsage("typeless-tuple.json", usage)).toBe("");
  }, 60_000);

  it("the validators agree", async () => {
    const { model } = await generateFixture("typeless-tuple.json");
    const { schemas } = await loadValidators(model, "fidelity-typeless-tuple");
    const check = schemas.Conversation!.check;
    expect(check({ latest: { text: "hi" }, pair: [] })).toEqual([]);
    expect(check({ latest: "hi", pair: ["a", 1, true] })).toEqual([]);
    expect(check({ pinned: [] })).not.toEqual([]);
    expect(check({ pinned: ["a", 1, 2] })).not.toEqual([]);
    expect(check({ pair: [1] })).not.toEqual([]);
  });
});

describe("a binary string is a Blob only in a body sent as bytes or parts", () => {
  it("types it a string inside JSON and url-encoded forms, a Blob in multipart (<Name>Form) and octet-stream", async () => {
    const usage = `import type {
  CreateDeployBody,
  CreateDeployData,
  DeployFiles,
  PutRawBody,
  SendFormBody,
  Upload,
  UploadBody,
  UploadForm,
} from "./types.js";
export const deploy: CreateDeployBody = { zip: "UEsDBA==" };
// @ts-expect-error JSON.stringify sends a Blob as {}
export const blobDeploy: DeployFiles = { zip: new Blob([]) };
export const received: CreateDeployData = { file: "UEsDBA==" };
export const upload: UploadBody = { name: "a", file: new Blob([]) };
export const form: UploadForm = upload;
// @ts-expect-error a multipart file part is a Blob
export const textUpload: UploadBody = { file: "x" };
export const json: Upload = { file: "x" };
export const raw: PutRawBody = new Blob([]);
export const text: SendFormBody = { file: "x" };
// @ts-expect-error a url-encoded field is text: a Blob went out as "[object Blob]"
export const blobText: SendFormBody = { file: new Blob([]) };
`;
    expect(await compileWithUsage("binary-in-json.yaml", usage)).toBe("");
  }, 60_000);
});
