// google-auth-library and its HTTP stack are about half of the bundle, yet only signing in and refreshing a token
// need them. Requiring them on first use (esbuild keeps a bundled CommonJS module unevaluated until then) keeps
// that cost out of the extension's activation.
import type * as GoogleAuthLibrary from 'google-auth-library';

let loaded: typeof GoogleAuthLibrary | undefined;

export function googleAuthLibrary(): typeof GoogleAuthLibrary {
  loaded ??= require('google-auth-library') as typeof GoogleAuthLibrary;
  return loaded;
}
