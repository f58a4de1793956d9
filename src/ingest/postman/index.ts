import type { DocumentModel } from "../../model/types.js";
import type { ReaderContext } from "../reader.js";

export function readPostman(ctx: ReaderContext): DocumentModel {
  throw new Error(`${ctx.doc.file}: the postman reader is not written yet`);
}
