// The file an export streams into before it is complete. No vscode import.
//
// Its name is unique (random suffix), it is created exclusively (O_CREAT|O_EXCL: an existing file or symlink of that
// name makes the open fail instead of being written through or truncated) and never through a symlink (O_NOFOLLOW,
// where the platform has it; O_EXCL already refuses a symlink as the last path component). So another user or
// process that can write to the folder cannot make the export overwrite a file of its choosing by planting
// `<name>.partial` beforehand. The file is readable by its owner only: exports hold machine names, users and serials.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import type { Writable } from 'node:stream';

export interface PartialFile {
  /** Where it is now (`<target>.<random>.partial`). */
  readonly path: string;
  readonly stream: Writable;
  /** Ends the stream and waits until the file is closed. */
  close(): Promise<void>;
  /** Closes, then renames it to `target` (a rename replaces a symlink at `target`, never writes through it). */
  commit(target: string): Promise<void>;
  /** Closes and deletes it. */
  discard(): Promise<void>;
}

const ATTEMPTS = 5;

export function randomSuffix(): string {
  return randomBytes(6).toString('hex');
}

/** Creates `<dir>/<base>.<suffix>.partial` exclusively; `suffix` is injectable so tests can plant a symlink first. */
export async function createPartialFile(nextTo: string, suffix: () => string = randomSuffix): Promise<PartialFile> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  for (let attempt = 1; ; attempt++) {
    const file = `${nextTo}.${suffix()}.partial`;
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, flags, 0o600);
    } catch (err) {
      // Someone holds that name (a file or a planted symlink): leave it alone and take another name.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST' && attempt < ATTEMPTS) continue;
      throw err;
    }
    return wrap(file, handle);
  }
}

function wrap(file: string, handle: fs.FileHandle): PartialFile {
  const stream = handle.createWriteStream({ encoding: 'utf8' });
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= new Promise<void>((resolve, reject) => {
      if (stream.closed) return resolve();
      stream.once('close', () => resolve());
      stream.once('error', reject);
      stream.end();
    }));
  return {
    path: file,
    stream,
    close,
    async commit(target) {
      await close();
      await fs.rename(file, target);
    },
    async discard() {
      await close().catch(() => undefined);
      await fs.rm(file, { force: true });
    },
  };
}
