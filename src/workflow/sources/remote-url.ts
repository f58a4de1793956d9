import { resolve } from "node:path";
import { isUrlInput, shownUrl } from "../../model/source-url.js";

/** Where an input of the list is: a path relative to `baseDir` made absolute, or its URL. */
export function inputPath(
  settings: { readonly baseDir: string },
  input: string,
): string {
  return isUrlInput(input) ? input : resolve(settings.baseDir, input);
}

/** Why a URL input cannot be fetched as written (it does not parse, or it holds credentials). */
export function remoteUrlProblem(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return `${JSON.stringify(shownUrl(input))} is not a valid URL`;
  }
  if (url.username !== "" || url.password !== "")
    return `the URL ${JSON.stringify(shownUrl(input))} holds a user name or password, which would be written wherever the URL is shown; give the credential as a header from an environment variable (config: remote.headers)`;
  return undefined;
}
