// Every write to Google goes through the one journalled path (src/operations/fleetWriter.ts). Outside the API
// layer and the operations themselves, no source file may call a write method of the backend directly.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '..', '..', 'src');
const ALLOWED = [path.join(SRC, 'api') + path.sep, path.join(SRC, 'operations') + path.sep];
const WRITE_CALL = /(\w+)?\s*\.\s*(updateAnnotations|deleteBrowser|moveBrowsers|createToken|revokeToken)\s*\(/g;
/** The WriteOperation that `writer.operation(spec, async (op) => ...)` hands its work: its methods journal. */
const WRITE_OPERATION = 'op';

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Drops comments so a sentence about `backend.moveBrowsers(` is not a call. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('write path boundary', () => {
  it('scans the source tree', () => {
    assert.ok(tsFiles(SRC).length > 20, `found the sources in ${SRC}`);
  });

  it('no write to Google outside src/api and src/operations bypasses the FleetWriter', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(SRC)) {
      if (ALLOWED.some((dir) => file.startsWith(dir))) continue;
      const lines = code(fs.readFileSync(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        for (const m of line.matchAll(WRITE_CALL)) {
          if (m[1] === WRITE_OPERATION) continue;
          offenders.push(`${path.relative(SRC, file)}:${i + 1} .${m[2]}(`);
        }
      });
    }
    assert.deepStrictEqual(offenders, [], `write through services.operations.writer() instead:\n${offenders.join('\n')}`);
  });
});
