import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import { onCleanup } from './processes';

/**
 * A small reverse proxy in front of the upstream VS Code server, doing what code-server's wrapper does for it:
 * answering `POST …/mint-key`, and forwarding `/proxy/<port>/…` to that local port. The web workbench encrypts `context.secrets` in the browser's localStorage with a
 * key half it fetches from that endpoint; the upstream server has no such route, so without this, secrets would
 * not survive "Developer: Reload Window" the way they do in desktop VS Code. Everything else (HTTP and the
 * WebSocket upgrades of the management and extension-host connections) is passed through unchanged.
 */
export interface FrontProxy {
  port: number;
  close(): Promise<void>;
}

export async function startFrontProxy(options: { targetPort: number; port?: number; keyFile: string }): Promise<FrontProxy> {
  const key = readOrCreateKey(options.keyFile);
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && (req.url ?? '').split('?')[0].endsWith('/mint-key')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(key);
      return;
    }
    // code-server's port proxy: the workbench's asExternalUri maps http://127.0.0.1:<port>/ to
    // <origin>/proxy/<port>/ (a template in code-server's product configuration), and the wrapper forwards such
    // requests to that local port with the prefix stripped. The OAuth loopback redirect arrives this way.
    const proxied = /^\/proxy\/(\d{1,5})(\/.*)?$/.exec(req.url ?? '');
    const target = proxied ? { port: Number(proxied[1]), path: proxied[2] ?? '/' } : { port: options.targetPort, path: req.url };
    const upstream = http.request(
      { host: '127.0.0.1', port: target.port, method: req.method, path: target.path, headers: req.headers },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${err.message}`);
    });
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, socket, head) => {
    const upstream = net.connect(options.targetPort, '127.0.0.1', () => {
      const headers = Object.entries(req.headers).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value ?? '']).map((v) => `${name}: ${v}`),
      );
      upstream.write([`${req.method} ${req.url} HTTP/${req.httpVersion}`, ...headers, '', ''].join('\r\n'));
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    const destroyBoth = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', destroyBoth);
    socket.on('error', destroyBoth);
    socket.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  onCleanup('front proxy', close);
  return { port: (server.address() as net.AddressInfo).port, close };
}

/** 256 bits, kept in the throw-away user-data folder like code-server's `serve-web-key-half`. */
function readOrCreateKey(file: string): Buffer {
  try {
    const existing = fs.readFileSync(file);
    if (existing.length === 32) return existing;
  } catch {
    // first start
  }
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key, { mode: 0o600 });
  return key;
}
