import { ParseError, type ParsedDocument } from "./parse/parsed-document.js";
import { parseJson } from "./parse/json.js";
import { parseYamlStream } from "./parse/yaml.js";

/** Extensions of files that are never API descriptions: source code, images, archives, media. */
export const NOT_SPECS =
  /^\.(m?[jt]sx?|c[jt]s|map|css|s[ac]ss|less|html?|vue|svelte|py|rb|go|rs|java|kt|cs|php|sh|bash|ps1|swift|dart|c|cc|cpp|h|scala|png|jpe?g|gif|webp|svg|ico|pdf|zip|gz|tgz|tar|woff2?|ttf|eot|mp[34]|wasm|node|so|dll|exe|lock)$/i;

/**
 * Parses a file's text into its documents: JSON when it starts with `{` or `[`, YAML otherwise
 * (a JSON file is valid YAML, but JSON.parse is many times faster); a `.yaml` or `.yml` file that
 * is no JSON is YAML (a flow mapping, `{openapi: 3.1.0, …}`). A BOM is dropped first.
 */
export function parseText(text: string, file: string): ParsedDocument[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const empty = (why: string) =>
    new ParseError(why, file, 1, 1, "parse/empty-file");
  const first = /\S/.exec(body);
  if (!first) throw empty("the file is empty");
  if (first[0] === "{" || first[0] === "[")
    try {
      return [parseJson(body, file)];
    } catch (error) {
      if (!(error instanceof ParseError) || !/\.ya?ml$/i.test(file))
        throw error;
    }
  const docs = parseYamlStream(body, file);
  if (docs.length === 0)
    throw empty("the file holds no document (only comments or `---`)");
  return docs;
}
