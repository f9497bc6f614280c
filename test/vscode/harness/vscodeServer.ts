import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { startFrontProxy } from './frontProxy';
import { serverMain } from './paths';
import { delay, isCleaningUp, spawnInGroup, SpawnedProcess } from './processes';

export interface ServerDirs {
  /** Throw-away folders: server data (logs, machine settings), user data (User/settings.json), extensions. */
  serverDataDir: string;
  userDataDir: string;
  extensionsDir: string;
  /** The folder the workbench opens. */
  workspaceDir: string;
}

export interface VsCodeServer {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  process: SpawnedProcess;
  /** Resolves with a description if the server dies before it is stopped. */
  died: Promise<string>;
  /** The workbench URL for the workspace folder, with an optional development/test payload. */
  workbenchUrl(payload?: Array<[string, string]>): string;
  /** `vscode-remote://` URI of a server-side path, as the workbench payload wants it. */
  remoteUri(absPath: string): string;
  stop(): Promise<void>;
}

/** Settings every harness start uses, plus the caller's (e.g. the emulator endpoints). */
export function writeUserSettings(dirs: ServerDirs, extra: Record<string, unknown>): void {
  const settings = {
    'security.workspace.trust.enabled': false, // no Restricted Mode dialog
    'workbench.startupEditor': 'none', // no welcome page
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.commandCenter.enabled': false,
    'window.commandCenter': false,
    ...extra,
  };
  for (const file of [path.join(dirs.userDataDir, 'User', 'settings.json'), path.join(dirs.userDataDir, 'Machine', 'settings.json')]) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(settings, null, 2));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  dirs: ServerDirs;
  /** Extra environment for the server and therefore the extension host (CBCM_* variables). */
  env: Record<string, string>;
  logFile: string;
  /** Public port (the front proxy's); default: any free one. */
  port?: number;
  startTimeoutMs?: number;
}

/** Starts the upstream VS Code server (not the code-server wrapper, which rejects development flags). */
export async function startVsCodeServer(options: StartOptions): Promise<VsCodeServer> {
  // The server listens on a private port; the workbench talks to the front proxy (see frontProxy.ts).
  const serverPort = await freePort();
  const { dirs } = options;
  const proc = spawnInGroup(
    'vscode-server',
    process.execPath,
    [
      serverMain,
      '--host',
      '127.0.0.1',
      '--port',
      String(serverPort),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--telemetry-level',
      'off',
      '--server-data-dir',
      dirs.serverDataDir,
      '--user-data-dir',
      dirs.userDataDir,
      '--extensions-dir',
      dirs.extensionsDir,
    ],
    {
      env: { ...process.env, ...options.env, VSCODE_AGENT_FOLDER: dirs.serverDataDir },
      logFile: options.logFile,
    },
  );
  let stopping = false;
  // Never settles when the exit was ours (stop() or the clean-up on exit/Ctrl-C).
  const died = proc.exited.then((code) =>
    stopping || isCleaningUp() ? new Promise<string>(() => undefined) : `the VS Code server exited (code ${code}); see ${options.logFile}`,
  );
  await waitUntilServing(`http://127.0.0.1:${serverPort}`, options.startTimeoutMs ?? 60_000, died);
  const proxy = await startFrontProxy({ targetPort: serverPort, port: options.port, keyFile: path.join(dirs.userDataDir, 'serve-web-key-half') });
  const port = proxy.port;
  const origin = `http://127.0.0.1:${port}`;
  const remoteUri = (absPath: string) => `vscode-remote://127.0.0.1:${port}${absPath}`;
  return {
    port,
    origin,
    process: proc,
    died,
    remoteUri,
    workbenchUrl(payload) {
      const query = new URLSearchParams({ folder: dirs.workspaceDir });
      if (payload && payload.length > 0) query.set('payload', JSON.stringify(payload));
      return `${origin}/?${query.toString()}`;
    },
    async stop() {
      stopping = true;
      await proxy.close();
      await proc.kill();
    },
  };
}

async function waitUntilServing(origin: string, timeoutMs: number, died: Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let failure: string | undefined;
  void died.then((reason) => {
    failure = reason;
  });
  while (Date.now() < deadline) {
    if (failure) throw new Error(failure);
    try {
      const response = await fetch(`${origin}/version`, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await delay(200);
  }
  throw new Error(`the VS Code server did not answer on ${origin} within ${timeoutMs / 1000} s`);
}
