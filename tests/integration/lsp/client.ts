/**
 * A minimal Language Server Protocol client for tests: JSON-RPC 2.0 over a child process's
 * stdio with `Content-Length` framing. Every wait is bounded; every server request gets a reply.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

export interface Message {
  jsonrpc: "2.0";
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

type RequestHandler = (params: unknown) => unknown;

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Waiter {
  predicate: (message: Message) => boolean;
  resolve: (message: Message) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  /** Every notification the server sent, in order. */
  readonly notifications: Message[] = [];
  /** Every request the server sent (method and params), in order. */
  readonly serverRequests: Message[] = [];
  stderr = "";
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly waiters = new Set<Waiter>();
  private exited: Error | null = null;

  constructor(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
    this.process = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["pipe", "pipe", "pipe"] });
    this.process.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.process.stderr.setEncoding("utf8").on("data", (chunk: string) => (this.stderr += chunk));
    this.process.on("exit", (code, signal) => this.fail(new Error(`language server exited (code ${code}, signal ${signal})\n${this.stderr}`)));
    this.process.on("error", (error) => this.fail(error));
    // A server that died must not turn writes into unhandled errors.
    this.process.stdin.on("error", () => {});
  }

  /** Answers the server's requests of `method` (default answer for unknown methods: null). */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 20_000): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no response to ${method} within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** The first notification (already received, or arriving within `timeoutMs`) matching `predicate`. */
  waitForNotification(predicate: (message: Message) => boolean, timeoutMs = 20_000, since = 0): Promise<Message> {
    const seen = this.notifications.slice(since).find(predicate);
    if (seen) return Promise.resolve(seen);
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`no matching notification within ${timeoutMs} ms\n${this.stderr}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** LSP shutdown + exit; kills the process if it has not exited within `timeoutMs`. */
  async stop(timeoutMs = 5_000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.process.once("exit", () => resolve()));
    try {
      await this.request("shutdown", null, timeoutMs);
      this.notify("exit", null);
    } catch {
      // Killed below.
    }
    const timer = setTimeout(() => this.process.kill("SIGKILL"), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  private send(message: Message): void {
    if (this.exited) return;
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.process.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString("ascii");
      const length = /content-length:\s*(\d+)/iu.exec(header);
      if (!length) throw new Error(`LSP message without Content-Length: ${header}`);
      const start = headerEnd + 4;
      const end = start + Number(length[1]);
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(start, end).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      // A request from the server: always answer.
      this.serverRequests.push(message);
      const handler = this.handlers.get(message.method);
      let reply: Message;
      try {
        reply = { jsonrpc: "2.0", id: message.id, result: handler ? (handler(message.params) ?? null) : null };
      } catch (error) {
        reply = { jsonrpc: "2.0", id: message.id, error: { code: -32603, message: String(error) } };
      }
      this.send(reply);
      return;
    }
    if (message.method !== undefined) {
      this.notifications.push(message);
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(message)) {
          clearTimeout(waiter.timer);
          this.waiters.delete(waiter);
          waiter.resolve(message);
        }
      }
      return;
    }
    const pending = typeof message.id === "number" ? this.pending.get(message.id) : undefined;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pending.delete(message.id as number);
    if (message.error) pending.reject(new Error(`${pending.method} failed: ${message.error.message}`));
    else pending.resolve(message.result);
  }

  private fail(error: Error): void {
    if (this.exited) return;
    this.exited = error;
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters.clear();
  }
}

/** Applies LSP TextEdits (0-based line/character, UTF-16 offsets) to `text`. */
export function applyTextEdits(
  text: string,
  edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>,
): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (position: { line: number; character: number }): number =>
    position.line >= lineStarts.length ? text.length : Math.min(lineStarts[position.line] + position.character, text.length);
  const sorted = edits
    .map((edit) => ({ start: offset(edit.range.start), end: offset(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
