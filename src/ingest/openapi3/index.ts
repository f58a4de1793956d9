import type { DocumentModel } from "../../model/types.js";
import type { ReaderContext } from "../reader.js";

export function readOpenApi3(ctx: ReaderContext): DocumentModel {
  throw new Error(`${ctx.doc.file}: the openapi3 reader is not written yet`);
}
