import type { ScaffoldReporter } from "./codes.js";
import type { Endpoint } from "../model/types.js";
import { print } from "../emit/shared/doc.js";
import { propertyKey, stringLiteral } from "../emit/shared/literals.js";
import { assignment } from "../emit/shared/statements.js";
import type { Member, ObjectSlot } from "./analyze.js";

/** An edit of the handlers file: an insertion, or (with `end`) a replacement of `at`…`end`. */
export interface Insertion {
  at: number;
  end?: number;
  text: string;
}

export interface ChangedHandler {
  name: string;
  /** The hash recorded in the user's `signatures` (or `webhookSignatures`) object. */
  was: string;
  /** The hash of the endpoint's (or webhook's) contract now. */
  now: string;
}

/**
 * What one handlers file is checked with: the choices of the run (see UpdateHandlersInput), the
 * reporter and the place of an offset in the file, each contract's hash now; and where the checks
 * put what they find and the edits they make.
 */
export interface HandlersCheck {
  choices: {
    describe?: (name: string, was: string) => readonly string[] | undefined;
    accept?: (name: string) => boolean;
    importFrom: string;
    judgeOrphans?: boolean;
  };
  reporter: ScaffoldReporter;
  at: (pos?: number) => { file: string; line: number; column: number };
  signatureOf: (operation: Endpoint) => string;
  /** The hash apiloom made before it left schemas' `x-` members out (signatures' `extensions`). */
  formerSignatureOf?: (operation: Endpoint) => string;
  found: { changed: ChangedHandler[]; accepted: string[] };
  insertions: Insertion[];
}

/**
 * The handlers among `written` (endpoints' or webhooks') whose recorded hash is not their contract's
 * now, each reported (`scaffold/changed-signature`) or, when accepted, its hash replaced; so is
 * a hash of the same contract as apiloom made it before it left schemas' `x-` members out.
 */
export function changedContracts(
  written: readonly Member[],
  recorded: ObjectSlot | undefined,
  operations: ReadonlyMap<string, Endpoint>,
  line: (operation: Endpoint) => string,
  {
    choices,
    reporter,
    at,
    signatureOf,
    formerSignatureOf,
    found,
    insertions,
  }: HandlersCheck,
): void {
  const entries = new Map((recorded?.members ?? []).map((m) => [m.name, m]));
  for (const { name } of written) {
    const operation = operations.get(name);
    const entry = entries.get(name);
    if (!operation || entry?.text === undefined) continue;
    const now = signatureOf(operation);
    if (entry.text === now) continue;
    // the former hash of the same contract is brought up to date without a word (its text is
    // apiloom's); another is a change, reported unless accepted
    const same = entry.text === formerSignatureOf?.(operation);
    if (!same) found.changed.push({ name, was: entry.text, now });
    if (entry.inner && (same || choices.accept?.(name))) {
      if (!same) found.accepted.push(name);
      insertions.push({
        at: entry.inner.start,
        end: entry.inner.end,
        text: now,
      });
      continue;
    }
    // what changed, in words when known, and how to accept it
    const words = choices.describe?.(name, entry.text);
    const what =
      words === undefined || words.length === 0
        ? "changed since its handler was written (apiloom did not see the contract it was written for: `apiloom diff --base <git-ref>` compares with an earlier commit)"
        : `changed since its handler was written: ${words.slice(0, LISTED).join("; ")}${
            words.length > LISTED
              ? `; and ${words.length - LISTED} more (server/handler-changes.json lists them)`
              : ""
          }`;
    reporter.report(
      "scaffold/changed-signature",
      `the contract of ${stringLiteral(name)} (${line(operation)}) ${what}. Review the handler, then accept the change: apiloom generate --accept ${name} (or --accept-changes for every changed handler)`,
      at(entry.pos),
    );
  }
}

/** How many changes a warning lists before it points to the record. */
const LISTED = 5;

/** Insertions that add members (each a full line of text) to an object literal. */
export function members(slot: ObjectSlot, lines: (indent: string) => string[]) {
  const out: Insertion[] = [];
  if (slot.commaAt !== undefined) out.push({ at: slot.commaAt, text: "," });
  out.push({
    at: slot.insertAt,
    text: slot.lead + lines(slot.indent).join("") + slot.trail,
  });
  return out;
}

/** An import line inserted after the last import (which ends before its line break), or first. */
export function importInsertion(
  shape: { afterImports: number },
  line: string,
): Insertion {
  return shape.afterImports > 0
    ? { at: shape.afterImports, text: "\n" + line.trimEnd() }
    : { at: 0, text: line };
}

/** `key: value,` as prettier lays it out: the value on its own line when the line is too long. */
export function memberLine(indent: string, key: string, value: string): string {
  const doc = assignment(`${propertyKey(key)}:`, value, ",");
  return `${indent}${print(doc, { indent: indent.length })}\n`;
}

/**
 * A handler that answers 501 until it is written, under a comment naming what it handles:
 *
 *     // GET /message/{messageId}: Get a message
 *     getMessage: notImplemented,
 */
export function stubMember(indent: string, name: string, comment: string) {
  return `${indent}// ${comment}\n${memberLine(indent, name, "notImplemented")}`;
}

export function objectDeclaration(name: string, body: string, type: string) {
  return body === ""
    ? `export const ${name} = {} satisfies ${type};\n`
    : `export const ${name} = {\n${body}} satisfies ${type};\n`;
}

/** `head: summary` (or `head`) on one line: safe inside a `//` comment. */
export function commentLine(head: string, summary?: string): string {
  const text = summary ? `${head}: ${summary}` : head;
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").trim();
}
