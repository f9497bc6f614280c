import { Emulator } from '../../emulator';
import { onCleanup } from './processes';

export interface EmulatorOptions {
  browsers: number;
  seed?: number;
  port?: number;
}

/** Starts the CBCM API emulator in this process (the harness holds the object; VS Code reaches it over HTTP). */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const emulator = await Emulator.start({ browsers: options.browsers, seed: options.seed ?? 1, port: options.port });
  onCleanup('emulator', () => emulator.stop());
  return emulator;
}

/** The extension's endpoint settings that send it to the emulator instead of Google. */
export function emulatorSettings(emulator: Emulator): Record<string, unknown> {
  return {
    'cbcm.apiBaseUrl': emulator.url,
    'cbcm.oauthTokenUrl': emulator.tokenUrl,
    'cbcm.oauthAuthUrl': emulator.authUrl,
    // CBCM_API_VERSION (or run.ts --api-version) runs the same suites against the other backend.
    ...(apiVersion() ? { 'cbcm.apiVersion': apiVersion() } : {}),
  };
}

/** The backend under test: undefined = the extension's default (v1.1beta1). */
export function apiVersion(): string | undefined {
  const v = process.env.CBCM_API_VERSION;
  if (v === undefined || v === '') return undefined;
  if (v !== 'v1.1beta1' && v !== 'chromemanagement-v1') throw new Error(`CBCM_API_VERSION must be v1.1beta1 or chromemanagement-v1 (got "${v}")`);
  return v;
}

/**
 * Environment variables for the extension host. `autoSignIn` adds the automatic sign-in variables, which only a
 * development build (extensionMode Development/Test) honours.
 */
export function emulatorEnv(emulator: Emulator, autoSignIn: boolean): Record<string, string> {
  const env: Record<string, string> = { CBCM_EMULATOR_URL: emulator.url };
  // Tests that depend on the backend (token lifetimes, request paths) read this to adapt.
  const version = apiVersion();
  if (version) env.CBCM_API_VERSION = version;
  if (autoSignIn) {
    env.CBCM_AUTO_SIGNIN_KEY_FILE = emulator.serviceAccountKeyPath;
    env.CBCM_AUTO_SIGNIN_SUBJECT = emulator.adminEmail;
  }
  return env;
}
