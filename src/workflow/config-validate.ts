import { ARTIFACTS, DOCS_GROUP_BY } from "../emit/artifact.js";
import type { ApiloomConfig } from "./config-types.js";
import { ConfigError } from "./config-error.js";

type Check = (value: unknown, where: string) => void;

const isString: Check = (v, where) => {
  if (typeof v !== "string" || v === "")
    throw new ConfigError(`${where} must be a non-empty string`);
};
const isBoolean: Check = (v, where) => {
  if (typeof v !== "boolean")
    throw new ConfigError(`${where} must be true or false`);
};
const stringList: Check = (v, where) => {
  if (!Array.isArray(v)) throw new ConfigError(`${where} must be a list`);
  v.forEach((item, i) => isString(item, `${where}[${i}]`));
};
const stringMap: Check = (v, where) => {
  if (!isObject(v)) throw new ConfigError(`${where} must be an object`);
  for (const [key, item] of Object.entries(v))
    isString(item, `${where}[${JSON.stringify(key)}]`);
};

const SHAPE: Record<string, Check> = {
  inputs: stringList,
  out: isString,
  artifacts: (v, where) => {
    stringList(v, where);
    for (const name of v as string[])
      if (!(ARTIFACTS as readonly string[]).includes(name))
        throw new ConfigError(
          `${where}: unknown artifact ${JSON.stringify(name)} (known: ${ARTIFACTS.join(", ")})`,
        );
  },
  templates: isString,
  baseUrl: isString,
  info: section({
    title: isString,
    version: isString,
    description: isString,
  }),
  names: stringMap,
  tags: (v, where) => {
    if (!isObject(v)) throw new ConfigError(`${where} must be an object`);
    for (const [key, item] of Object.entries(v)) {
      const at = `${where}[${JSON.stringify(key)}]`;
      if (typeof item === "string") isString(item, at);
      else checkObject(item, { name: isString, description: isString }, at);
    }
  },
  merge: section({
    allowExternalRefs: isBoolean,
    prefer: stringList,
    maxInputSize: (v, where) => {
      if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v))
        throw new ConfigError(`${where} must be a number of MiB above 0`);
    },
  }),
  docs: section({
    groupBy: (v, where) => {
      if (!(DOCS_GROUP_BY as readonly unknown[]).includes(v))
        throw new ConfigError(
          `${where} must be one of ${DOCS_GROUP_BY.map((g) => JSON.stringify(g)).join(", ")}`,
        );
    },
  }),
  server: section({
    handlers: isString,
    adapters: stringList,
    validateResponses: isBoolean,
  }),
  lock: (v, where) => {
    if (v !== false && (typeof v !== "string" || v === ""))
      throw new ConfigError(
        `${where} must be a file path, or false for no lock`,
      );
  },
  strict: isBoolean,
};

function section(shape: Record<string, Check>): Check {
  return (value, where) => checkObject(value, shape, where);
}

function checkObject(
  value: unknown,
  shape: Record<string, Check>,
  where: string,
): void {
  if (!isObject(value)) throw new ConfigError(`${where} must be an object`);
  for (const [key, item] of Object.entries(value)) {
    const check = shape[key];
    if (!check)
      throw new ConfigError(
        `${where}: unknown option ${JSON.stringify(key)} (known: ${Object.keys(shape).join(", ")})`,
      );
    if (item !== undefined) check(item, `${where}.${key}`);
  }
}

/** Checks a loaded config against ApiloomConfig, naming the file and option on failure. */
export function validateConfig(value: unknown, file: string): ApiloomConfig {
  if (!isObject(value))
    throw new ConfigError(
      `${file}: the config must be an object (export default defineConfig({ ... }))`,
    );
  checkObject(value, SHAPE, file);
  return value as ApiloomConfig;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
