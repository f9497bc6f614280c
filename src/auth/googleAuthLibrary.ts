// google-auth-library and its HTTP stack are about half of the bundle, yet only signing in and refreshing a token
// need them. Requiring them on first use (esbuild keeps a bundled CommonJS module unevaluated until then) keeps
// that cost out of the extension's activation.
import type * as GoogleAuthLibrary from 'google-auth-library';

let loaded: typeof GoogleAuthLibrary | undefined;

export function googleAuthLibrary(): typeof GoogleAuthLibrary {
  // A require() on purpose (see above): an import statement would evaluate the library at activation.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('google-auth-library') as typeof GoogleAuthLibrary;
  return loaded;
}
