import { describe, expect, it } from "vitest";
import { REPO } from "../cli/run.js";
import {
  checkSync,
  RECHECK_PARAMS,
  provenLinear,
  regexLiterals,
  unproven,
} from "../support/regex-proof.js";

/*
 * Parsing is linear in the bytes (docs/untrusted-input.md): every regular expression written in
 * the runtime templates (client, server, the files they share, validators, MCP) is proven linear
 * (test/support/regex-proof.ts: recheck's automaton, or model/patterns/ambiguity.ts; a "safe" from
 * recheck's fuzzer alone is no proof). One that is not is listed below with what it runs on,
 * none of which comes from the network; anything else fails, as the Link header's did
 * (`/<([^>]*)>…/`: 16 KiB of `<` took 0.4 s a page), and as the validators' `uri` format did
 * (ajv-formats' one expression: "safe" by the fuzzer alone).
 */

/** Not linear, and run on no byte from the network: the literal, and what it reads. */
const KNOWN: Record<string, string> = {
  "/\\/+$/": "the caller's baseUrl or basePath (options), trailing slashes",
  "/\\{([^}]+)\\}/g": "the generated path template's {name} placeholders",
};

describe("the runtime templates' regular expressions", () => {
  it.each(["client", "server", "shared", "validators", "mcp"])(
    "of templates/%s are proven linear, but for the listed ones",
    (dir) => {
      const found = regexLiterals(REPO, `templates/${dir}`);
      expect(found.length).toBeGreaterThan(5);
      expect(unproven(found, KNOWN)).toEqual([]);
    },
  );

  it("catches the old Link header pattern", () => {
    expect(checkSync("<([^>]*)>([^,<]*)", "", RECHECK_PARAMS).status).toBe(
      "vulnerable",
    );
    expect(provenLinear("/<([^>]*)>([^,<]*)/")).toBe(false);
  });
});
