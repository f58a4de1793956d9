import type { TextOut } from "../toolkit.js";

/** A page's lines as a template makes them (`h.pageLines`): written as they come, or kept. */
export interface PageLines {
  push(...lines: string[]): void;
  /** The page's text: its lines joined by line breaks; "" when they went to a sink. */
  text(): string;
}

/**
 * The lines of a page, a line break between each and the next: with `out` (apiloom gives its own
 * templates one) each is written there as it comes, so a large API's page (Microsoft Graph beta's
 * HTML page is 82 MB) is never held whole, and its pieces die young; without, they are kept for
 * text().
 */
export function pageLines(out?: TextOut): PageLines {
  if (out === undefined) {
    const lines: string[] = [];
    return {
      push: (...more) => void lines.push(...more),
      text: () => lines.join("\n"),
    };
  }
  let first = true;
  return {
    push(...more) {
      for (const line of more) {
        if (first) first = false;
        else out.write("\n");
        out.write(line);
      }
    },
    text: () => "",
  };
}
