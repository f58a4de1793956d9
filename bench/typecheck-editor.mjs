// The editor's side of bench/typecheck.mjs: how long a language server takes from its start to
// the first completion list after `client.` in the program (the first `await client.`; or after
// another text, such as `client.GET("` for the paths a string literal may be; the file's text as
// opened may differ from the disk's, as an editor's buffer does), and its
// CPU time (/proc/<pid>/stat) and peak RSS then (VmHWM of /proc/<pid>/status). TypeScript 5.9 through tsserver's own protocol,
// TypeScript 7 through LSP (`tsc --lsp --stdio`). A server that does not answer in 120 s counts
// as NaN.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const TIMEOUT_MS = 120_000;
/** Where the completion is asked for by default: after the first `await client.`. */
const AT = "await client.";

/** The 0-based line and character just after the first `after` (`await client.`) of the file. */
function marker(text, after) {
  const at = text.indexOf(after) + after.length;
  const before = text.slice(0, at).split("\n");
  return { line: before.length - 1, character: before.at(-1).length };
}

function peakRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Reads Content-Length framed messages from a stream, calling `onMessage` with each. */
function framed(stream, onMessage) {
  let buffer = Buffer.alloc(0);
  stream.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const m = /Content-Length: (\d+)/i.exec(
        buffer.subarray(0, end).toString(),
      );
      if (!m) {
        buffer = buffer.subarray(end + 4);
        continue;
      }
      const length = Number(m[1]);
      if (buffer.length < end + 4 + length) return;
      const body = buffer.subarray(end + 4, end + 4 + length).toString();
      buffer = buffer.subarray(end + 4 + length);
      onMessage(JSON.parse(body));
    }
  });
}

/** The CPU time (user + system, ms) a process has used so far (/proc/<pid>/stat, 100 ticks a second). */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function finish(child, start, resolve, entries) {
  const ms = performance.now() - start;
  const rssMb = peakRss(child.pid);
  const cpu = cpuMs(child.pid);
  child.kill();
  resolve({ ms, cpuMs: cpu, rssMb, entries });
}

/** tsserver 5.9: open the file, then `completionInfo` at the marker. */
export function tsserverCompletion(
  tsserver,
  file,
  at = AT,
  text = readFileSync(file, "utf8"),
) {
  const { line, character } = marker(text, at);
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(
      process.execPath,
      [tsserver, "--disableAutomaticTypingAcquisition"],
      { stdio: ["pipe", "pipe", "ignore"] },
    );
    const timer = setTimeout(
      () => finish(child, start, resolve, NaN),
      TIMEOUT_MS,
    );
    framed(child.stdout, (message) => {
      if (message.type === "response" && message.request_seq === 2) {
        clearTimeout(timer);
        const entries = message.body?.entries?.length ?? NaN;
        finish(child, start, resolve, entries);
      }
    });
    const send = (seq, command, args) =>
      child.stdin.write(
        JSON.stringify({ seq, type: "request", command, arguments: args }) +
          "\n",
      );
    send(1, "open", { file, fileContent: text, scriptKindName: "TS" });
    send(2, "completionInfo", {
      file,
      line: line + 1,
      offset: character + 1,
      triggerCharacter: at.at(-1),
    });
  });
}

/** TypeScript 7's LSP server: initialize, open the file, then `textDocument/completion`. */
export function lspCompletion(
  tsc7,
  file,
  at = AT,
  text = readFileSync(file, "utf8"),
) {
  const position = marker(text, at);
  const uri = pathToFileURL(file).href;
  const root = pathToFileURL(file.slice(0, file.lastIndexOf("/"))).href;
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(tsc7, ["--lsp", "--stdio"], {
      stdio: ["pipe", "pipe", "ignore"],
    });
    const timer = setTimeout(
      () => finish(child, start, resolve, NaN),
      TIMEOUT_MS,
    );
    const write = (message) => {
      const body = JSON.stringify({ jsonrpc: "2.0", ...message });
      child.stdin.write(
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    };
    framed(child.stdout, (message) => {
      // the server's own requests (configuration, capability registration) get empty answers
      if (message.method && message.id !== undefined) {
        const items = message.params?.items?.length;
        write({
          id: message.id,
          result: items === undefined ? null : Array(items).fill(null),
        });
        return;
      }
      if (message.id === 1) {
        write({ method: "initialized", params: {} });
        write({
          method: "textDocument/didOpen",
          params: {
            textDocument: { uri, languageId: "typescript", version: 1, text },
          },
        });
        write({
          id: 2,
          method: "textDocument/completion",
          params: {
            textDocument: { uri },
            position,
            context: { triggerKind: 2, triggerCharacter: at.at(-1) },
          },
        });
      } else if (message.id === 2) {
        clearTimeout(timer);
        const result = message.result;
        const items = Array.isArray(result) ? result : result?.items;
        finish(child, start, resolve, items?.length ?? NaN);
      }
    });
    write({
      id: 1,
      method: "initialize",
      params: {
        processId: process.pid,
        rootUri: root,
        workspaceFolders: [{ uri: root, name: "bench" }],
        capabilities: {
          textDocument: { completion: { completionItem: {} } },
        },
      },
    });
  });
}
