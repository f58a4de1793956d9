import { fileURLToPath } from "node:url";
import { ingestFiles, ingestTexts } from "../../src/ingest/index.js";
import type { DocumentModel, Endpoint } from "../../src/model/types.js";

// What the Swagger 2.0 reader's tests share: the fixtures they read and the petshop document.

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const PETSHOP = "test/fixtures/swagger2/petshop.yaml";
export const STREAM = "test/fixtures/swagger2/relative.yaml";

export const petshop = ingestFiles([PETSHOP], { cwd: ROOT });
export const doc = petshop.documents[0]!;
export const endpoint = (method: string, path: string): Endpoint =>
  doc.endpoints.find((e) => e.method === method && e.path === path)!;
export const codes = (list = petshop.diagnostics) => list.map((d) => d.code);

export function readText(text: string): {
  doc: DocumentModel;
  codes: string[];
} {
  const result = ingestTexts([{ file: "inline.yaml", text }], { cwd: ROOT });
  return { doc: result.documents[0]!, codes: codes(result.diagnostics) };
}
