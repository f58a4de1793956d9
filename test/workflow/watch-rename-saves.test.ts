import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, buildCli, removeDir, startCli } from "./harness.js";

/**
 * Editors save by writing a temp file and renaming it over the old one. Node 20's recursive
 * fs.watch (on Linux, one watcher per file) keeps watching the replaced inode, so after one such
 * save of a template, or of a file under a `**` input glob, `--watch` went deaf for good. Here
 * three files are saved 200 times each that way: the input (under `specs/**`), the file it
 * `$ref`s (beside it) and a template. Every tenth save waits for the output of that save;
 * nothing is timed: the output is polled with a bounded count of checks.
 */

let cli: string;
const projects: string[] = [];

beforeAll(async () => {
  cli = await buildCli();
});
afterAll(() => {
  projects.forEach(removeDir);
  removeDir(dirname(cli));
});

/** The input and its $ref'd file sit in the `**` glob's own folder, watched recursively. */
function makeSavesProject(): string {
  const project = mkdtempSync(join(tmpdir(), "apiloom-saves-"));
  projects.push(project);
  writeFileSync(join(project, "package.json"), "{}\n");
  writeFileSync(
    join(project, "apiloom.config.json"),
    JSON.stringify({
      inputs: ["specs/**/*.yaml"],
      out: "out",
      templates: "tpl",
      artifacts: ["client"],
    }),
  );
  mkdirSync(join(project, "specs"));
  mkdirSync(join(project, "tpl/client"), { recursive: true });
  mkdirSync(join(project, "saves"));
  writeFileSync(join(project, INPUT), inputText(0));
  writeFileSync(join(project, REF), refText(0));
  writeFileSync(join(project, TEMPLATE), templateText(0));
  return project;
}

const INPUT = "specs/api.yaml";
const REF = "specs/item.json";
const TEMPLATE = "tpl/client/runtime.ts";
/** Three digits, so that no save's mark is part of another's. */
const pad = (n: number) => String(n).padStart(3, "0");
const inputText = (n: number) => `openapi: 3.0.3
info: { title: Saves, version: 1.0.0 }
paths:
  /items:
    get:
      operationId: listItems
      summary: input save ${pad(n)}
      responses:
        "200":
          description: the items
          content:
            application/json:
              schema:
                $ref: "./item.json"
`;
const refText = (n: number) =>
  JSON.stringify({
    type: "object",
    description: `ref save ${pad(n)}`,
    properties: { name: { type: "string" } },
  });
const runtime = readFileSync(join(REPO, "templates/client/runtime.ts"), "utf8");
const templateText = (n: number) => `${runtime}// template save ${pad(n)}\n`;

/** How an editor saves: the new text goes to a temp file, which is renamed over the file. */
let temps = 0;
function renameSave(project: string, file: string, text: string): void {
  const temp = join(project, `saves/${temps++}`);
  writeFileSync(temp, text);
  renameSync(temp, join(project, file));
}

/** Polls (at most `checks` times, 50 ms apart) until `condition` holds. */
async function eventually(
  condition: () => boolean,
  what: string,
  checks = 600,
): Promise<void> {
  for (let i = 0; i < checks; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never happened: ${what}`);
}

const holds = (project: string, file: string, text: string) => () => {
  try {
    return readFileSync(join(project, file), "utf8").includes(text);
  } catch {
    return false;
  }
};

/** inotify watches the process holds (Linux), and its resident memory in bytes. */
function resources(pid: number): { watches: number; rss: number } {
  const fdinfo = `/proc/${pid}/fdinfo`;
  let watches = 0;
  for (const fd of readdirSync(fdinfo)) {
    try {
      const info = readFileSync(join(fdinfo, fd), "utf8");
      watches += info.split("\n").filter((l) => l.startsWith("inotify")).length;
    } catch {
      // closed meanwhile
    }
  }
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) * 1024;
  return { watches, rss };
}

const SAVES = 200;
const ROUND = 10;

const KINDS = [
  {
    name: "an input under **",
    file: INPUT,
    text: inputText,
    out: "out/client/index.ts",
    mark: "input save",
  },
  {
    name: "its $ref'd file",
    file: REF,
    text: refText,
    out: "out/types.ts",
    mark: "ref save",
  },
  {
    name: "a template",
    file: TEMPLATE,
    text: templateText,
    out: "out/client/runtime.ts",
    mark: "template save",
  },
];

describe.skipIf(process.platform !== "linux")(
  `--watch follows ${SAVES} rename-style saves, with as many watches at the end as at the start`,
  () => {
    it.each(KINDS)("of $name", { timeout: 300_000 }, async (kind) => {
      const project = makeSavesProject();
      const run = startCli(cli, ["generate", "--watch"], {
        cwd: project,
        fake: false,
      });
      try {
        await eventually(
          () => run.output().includes("apiloom: watching for changes"),
          `the first run:\n${run.output()}`,
        );
        expect(holds(project, kind.out, `${kind.mark} 000`)()).toBe(true);
        const start = resources(run.child.pid!);
        expect(start.watches).toBeGreaterThan(0);
        for (let n = 1; n <= SAVES; n++) {
          renameSave(project, kind.file, kind.text(n));
          if (n % ROUND !== 0) continue;
          await eventually(
            holds(project, kind.out, `${kind.mark} ${pad(n)}`),
            `${kind.out} after save ${n} of ${kind.file}:\n${run.output().slice(-1500)}`,
          );
        }
        const end = resources(run.child.pid!);
        console.log(
          `${kind.file}: inotify watches ${start.watches} → ${end.watches}; RSS ${start.rss} → ${end.rss} bytes`,
        );
        expect(end.watches).toBeLessThanOrEqual(start.watches);
      } finally {
        run.child.kill("SIGINT");
      }
      expect((await run.done).code).toBe(0);
    });
  },
);
