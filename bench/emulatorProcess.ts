// An emulator in its own process, for benchmarks that time the client's CPU work: in the same process, the
// emulator's own work and its 100,000-device heap (which every garbage collection walks) would be counted as
// client time. Started with the emulator CLI; stopped with SIGTERM by its process id.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';

export interface EmulatorProcess {
  url: string;
  customerId: string;
  accessToken: string;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(args: string[], scopes: string[]): Promise<EmulatorProcess> {
  const root = path.join(__dirname, '..');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'test/emulator/cli.ts', '--json', '--port', '0', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A benchmark that crashes must not leave the emulator running.
  const killOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
  const info = await new Promise<{ url: string; customerId: string }>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as { url: string; customerId: string });
    });
    child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const res = await fetch(`${info.url}/__emulator/access-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scopes }),
  });
  const { accessToken, access_token } = (await res.json()) as { accessToken?: string; access_token?: string };
  return {
    url: info.url,
    customerId: info.customerId,
    accessToken: accessToken ?? access_token ?? '',
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
