// The node:http server: routing, fault injection, error envelopes, request log, and a stop() that
// closes every socket (keep-alive ones too).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { EmulatorContext, Reply } from './context';
import { ApiError, OAuthError } from './errors';
import { readBody, sendHtml, sendJson, sendRedirect } from './httpUtil';
import { redactPath, type RequestLog } from './requestLog';
import { matchRoute, type Route } from './router';

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startServer(ctx: () => EmulatorContext, routes: Route[], log: RequestLog, host: string, port: number): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void handle(ctx(), routes, log, req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      }),
  };
}

async function handle(ctx: EmulatorContext, routes: Route[], log: RequestLog, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  const method = req.method ?? 'GET';
  const rawUrl = req.url ?? '/';
  const url = new URL(rawUrl, 'http://emulator.invalid');
  const match = matchRoute(routes, method, url.pathname);
  const kind = 'route' in match ? match.route.kind : 'api';
  let fault: string | undefined;
  const finish = (status: number): void =>
    log.add({ method, path: redactPath(rawUrl), status, durationMs: Date.now() - started, ...(fault ? { fault } : {}) }, kind === 'api');

  try {
    const body = await readBody(req);
    const faultable = kind === 'api' || (kind === 'oauth' && ctx.faults.includeOAuth);
    if (faultable) {
      if (ctx.faults.latencyMs > 0) await sleep(ctx.faults.latencyMs);
      const action = ctx.faults.decide(method, rawUrl);
      if (action?.kind === 'reset') {
        fault = 'reset';
        finish(0);
        req.socket.destroy();
        return;
      }
      if (action?.kind === 'error') {
        fault = action.error.reason;
        throw action.error;
      }
      if (action?.kind === 'stall') {
        fault = 'stall';
        await stall(ctx, req, res);
        finish(0);
        return;
      }
      if (action?.kind === 'redirect') {
        fault = 'redirect';
        res.writeHead(action.status, { Location: action.location, 'Content-Length': 0 });
        res.end();
        finish(action.status);
        return;
      }
      if (action?.kind === 'raw') {
        fault = 'rawBody';
        res.writeHead(action.status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(action.body) });
        res.end(action.body);
        finish(action.status);
        return;
      }
      if (action?.kind === 'body') {
        fault = 'bodyBytes';
        finish(await sendPaddedBody(ctx, res, action.status, action.bytes, action.contentLength));
        return;
      }
    }
    if (!('route' in match)) {
      throw match.methodMismatch
        ? new ApiError(405, 'httpMethodNotAllowed', `Method ${method} is not allowed on ${url.pathname}.`)
        : new ApiError(404, 'notFound', `Not Found: ${method} ${url.pathname}`);
    }
    const reply = await match.route.handler(ctx, {
      method,
      pathname: url.pathname,
      query: url.searchParams,
      params: match.params,
      headers: req.headers,
      body,
      raw: req,
    });
    finish(writeReply(res, reply));
  } catch (e) {
    if (res.headersSent || res.destroyed) return;
    if (e instanceof ApiError) {
      sendJson(res, e.code, e.toBody(), e.headers);
      finish(e.code);
    } else if (e instanceof OAuthError) {
      sendJson(res, e.status, e.toBody());
      finish(e.status);
    } else {
      console.error('[cbcm-emulator] internal error:', e);
      const err = new ApiError(500, 'backendError', 'Internal error in the emulator.');
      sendJson(res, 500, err.toBody());
      finish(500);
    }
  }
}

/** Holds the request unanswered until the client closes the connection (or the emulator stops). */
function stall(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const counters = ctx.faults.stalls;
  counters.open++;
  counters.total++;
  return new Promise<void>((resolve) => {
    const done = (): void => {
      counters.open--;
      resolve();
    };
    if (req.socket.destroyed) done();
    else res.once('close', done);
  });
}

const PAD_CHUNK = Buffer.alloc(64 * 1024, 0x20);

/**
 * A JSON object of exactly `bytes` bytes (`{"padding":"  …  "}` style whitespace padding), written chunk by chunk
 * with back-pressure, so a client that stops reading makes the emulator stop writing. Returns the status logged.
 */
async function sendPaddedBody(ctx: EmulatorContext, res: ServerResponse, status: number, bytes: number, contentLength: boolean): Promise<number> {
  const counters = ctx.faults.bodies;
  counters.started++;
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json; charset=UTF-8' };
  if (contentLength) headers['Content-Length'] = bytes;
  res.writeHead(status, headers);
  let left = bytes - 2;
  const closed = new Promise<void>((resolve) => res.once('close', resolve));
  let cut = false;
  void closed.then(() => {
    if (!res.writableFinished) cut = true;
  });
  const write = async (chunk: Buffer | string): Promise<boolean> => {
    if (cut || res.destroyed) return false;
    if (!res.write(chunk)) await Promise.race([new Promise((r) => res.once('drain', r)), closed]);
    return !cut && !res.destroyed;
  };
  if (await write('{')) {
    while (left > 0) {
      const n = Math.min(left, PAD_CHUNK.length);
      if (!(await write(n === PAD_CHUNK.length ? PAD_CHUNK : PAD_CHUNK.subarray(0, n)))) break;
      left -= n;
    }
  }
  if (left === 0 && !cut && !res.destroyed) {
    await new Promise<void>((resolve) => res.end('}', resolve));
    counters.completed++;
    return status;
  }
  counters.abandoned++;
  return 0;
}

function writeReply(res: ServerResponse, reply: Reply): number {
  const status = reply.status ?? 200;
  if (reply.redirect !== undefined) {
    sendRedirect(res, reply.redirect);
    return 302;
  }
  if (reply.html !== undefined) {
    sendHtml(res, status, reply.html);
    return status;
  }
  if (reply.empty) {
    res.writeHead(status, { 'Content-Length': 0, ...reply.headers });
    res.end();
    return status;
  }
  sendJson(res, status, reply.json ?? {}, reply.headers);
  return status;
}
