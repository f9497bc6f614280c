import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Emulator } from '../../emulator';
import { launchWorkbenchBrowser, WorkbenchBrowser } from './browser';
import { emulatorEnv, emulatorSettings, startEmulator } from './emulatorHost';
import { ensureVsCode, installVsix } from './installVsCode';
import { testResultsDir } from './paths';
import { cleanupAll, onCleanup } from './processes';
import { ServerDirs, startVsCodeServer, VsCodeServer, writeUserSettings } from './vscodeServer';

export interface SessionOptions {
  /** Names the artifacts folder test-results/<name>/. */
  name: string;
  /** Fleet size of the emulator. */
  browsers: number;
  /** Install this .vsix into the (throw-away) extensions folder; without it the folder stays empty. */
  vsix?: string;
  /** Further .vsix files to install next to it (other extensions the E2E tests need). */
  extraVsix?: string[];
  /**
   * Pass the automatic sign-in variables (service-account key + admin to impersonate) to the extension host. Only a
   * development build honours them; the E2E run sets them to check that the installed .vsix does not.
   */
  autoSignInVariables: boolean;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  port?: number;
  emulatorPort?: number;
}

export interface Session {
  emulator: Emulator;
  server: VsCodeServer;
  dirs: ServerDirs;
  /** test-results/<name>/ */
  artifactsDir: string;
  /** Opens the workbench page in headless Chromium (console output to artifactsDir/browser-console.log). */
  openBrowser(url: string): Promise<WorkbenchBrowser>;
  stop(): Promise<void>;
}

/**
 * One VS Code "machine": emulator + throw-away VS Code server with settings pointing at the emulator.
 * Every piece registers its clean-up, so a failure half-way still stops what was started.
 */
export async function startSession(options: SessionOptions): Promise<Session> {
  await ensureVsCode();
  const artifactsDir = claimArtifactsDir(options.name);

  const root = fs.mkdtempSync(path.join(os.tmpdir(), `cbcm-vscode-${options.name}-`));
  const dirs: ServerDirs = {
    serverDataDir: path.join(root, 'server-data'),
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    workspaceDir: path.join(root, 'workspace'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  // Registered first, so it runs last: keep VS Code's own logs (extension host, output channels), then delete.
  onCleanup('throw-away folders', () => {
    copyLogs(path.join(dirs.userDataDir, 'logs'), path.join(artifactsDir, 'vscode-logs'));
    if (process.env.CBCM_KEEP_TMP !== '1') fs.rmSync(root, { recursive: true, force: true });
  });

  if (options.vsix) await installVsix(options.vsix, dirs.extensionsDir, dirs.serverDataDir);
  for (const extra of options.extraVsix ?? []) await installVsix(extra, dirs.extensionsDir, dirs.serverDataDir);

  const emulator = await startEmulator({ browsers: options.browsers, port: options.emulatorPort });
  writeUserSettings(dirs, { ...emulatorSettings(emulator), ...options.settings });
  const server = await startVsCodeServer({
    dirs,
    port: options.port,
    env: { ...emulatorEnv(emulator, options.autoSignInVariables), ...options.env },
    logFile: path.join(artifactsDir, 'server.log'),
  });

  let browser: WorkbenchBrowser | undefined;
  return {
    emulator,
    server,
    dirs,
    artifactsDir,
    async openBrowser(url) {
      browser = await launchWorkbenchBrowser({ logFile: path.join(artifactsDir, 'browser-console.log') });
      await browser.page.goto(url);
      return browser;
    },
    /** Stops Chromium, the server (process group), the emulator, and removes the throw-away folders. */
    stop: cleanupAll,
  };
}

/**
 * test-results/<name>/, emptied for this run. Engineers run the harness concurrently on one machine: when another
 * live harness process owns that folder, this run uses test-results/<name>-<pid>/ instead of clobbering it.
 */
export function artifactsDirFor(name: string): string {
  const preferred = path.join(testResultsDir, name);
  const owner = Number(readText(path.join(preferred, '.owner-pid')));
  const ownedByOther = Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner);
  return ownedByOther ? `${preferred}-${process.pid}` : preferred;
}

function claimArtifactsDir(name: string): string {
  const dir = artifactsDirFor(name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '.owner-pid'), String(process.pid));
  onCleanup('artifacts owner mark', () => fs.rmSync(path.join(dir, '.owner-pid'), { force: true }));
  return dir;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function copyLogs(from: string, to: string): void {
  try {
    if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true });
  } catch (err) {
    console.error(`[harness] could not keep VS Code's logs: ${String(err)}`);
  }
}
