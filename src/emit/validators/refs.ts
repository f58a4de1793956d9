import { type Keywords, NONE } from "./context.js";

/**
 * `$ref`: a call of the named schema's check function (so recursive schemas work). A reference
 * the model cannot resolve to a named schema checks nothing (the readers reported it).
 */
export const refCall: Keywords = (b, s, x, p, indent) => {
  if (typeof s.$ref !== "string") return NONE;
  const check = b.mod.checkOfRef(s.$ref);
  return check ? [b.callCheck(check, x, p, indent)] : NONE;
};
