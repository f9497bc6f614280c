// Unit tests (test/unit) and the emulator's own tests (test/emulator/test). Mocha adds a config file's `spec` to
// the files named on the command line, so with a fixed `spec` `npx mocha test/unit/x.test.ts` would run the whole
// suite; the suite's globs therefore apply only when the command line names no test file.
'use strict';
const { types, aliases } = require('mocha/lib/cli/run-option-metadata');

const SUITE = ['test/unit/**/*.test.ts', 'test/emulator/test/**/*.test.ts'];

/** Every spelling of the options that take a value (`--grep x`, `-g x`), so their values are not taken for files. */
function optionsWithValues() {
  const names = new Set();
  for (const kind of ['array', 'number', 'string']) {
    for (const name of types[kind]) {
      names.add(name);
      for (const alias of aliases[name] ?? []) names.add(alias);
    }
  }
  return names;
}

function namesTestFiles(argv) {
  const withValue = optionsWithValues();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return i + 1 < argv.length;
    if (arg.startsWith('-')) {
      const name = arg.replace(/^--?/, '');
      if (name === 'spec') return true;
      if (!name.includes('=') && withValue.has(name)) i++; // skip the option's value
      continue;
    }
    return true; // a positional argument: a file, folder or glob
  }
  return false;
}

module.exports = {
  require: ['tsx/cjs', './test/support/testClock.ts'],
  extension: ['ts'],
  timeout: 20000,
  reporter: 'spec',
  ...(namesTestFiles(process.argv.slice(2)) ? {} : { spec: SUITE }),
};
