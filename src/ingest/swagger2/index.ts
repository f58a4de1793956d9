import type { DocumentModel } from "../../model/types.js";
import type { ReaderContext } from "../reader.js";

export function readSwagger2(ctx: ReaderContext): DocumentModel {
  throw new Error(`${ctx.doc.file}: the swagger2 reader is not written yet`);
}
