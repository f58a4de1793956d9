import type { ApiInfo } from "../../model/types.js";
import { isRecord } from "../reader.js";
import { descriptionText, scalarText } from "./fields.js";

/** The collection's `info`: name as title, description, and version (Postman's is optional). */
export function readInfo(info: unknown): ApiInfo {
  const record = isRecord(info) ? info : {};
  const name = typeof record.name === "string" ? record.name.trim() : "";
  const result: ApiInfo = {
    title: name !== "" ? name : "Postman collection",
    version: readVersion(record.version) ?? "1.0.0",
  };
  const description = descriptionText(record.description);
  if (description !== undefined) result.description = description;
  return result;
}

/** `info.version`: a string, or 2.x's `{major, minor, patch, identifier}`. */
function readVersion(version: unknown): string | undefined {
  const text = scalarText(version);
  if (text !== undefined) return text.trim() === "" ? undefined : text.trim();
  if (!isRecord(version)) return undefined;
  const [major, minor, patch] = [
    version.major,
    version.minor,
    version.patch,
  ].map((n) => (typeof n === "number" ? n : 0));
  const identifier = scalarText(version.identifier);
  return `${major}.${minor}.${patch}${identifier ? `-${identifier}` : ""}`;
}
