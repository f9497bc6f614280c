// Automation arguments (a `{ confirmed }` answer, a destination or annotation preset, a token request) let tests and
// F5 debugging run commands without the prompts. An installed extension (Production mode) ignores them: any other
// extension can execute our commands, and it must not skip the admin's confirmation or read a token value.
// No runtime `vscode` import, so unit tests can load this file.
import type * as vscode from 'vscode';

/** vscode.ExtensionMode.Production (a const enum value cannot be read without the runtime module). */
const PRODUCTION: vscode.ExtensionMode = 1;

/** Whether automation arguments count in this mode: only outside Production. */
export function automationAllowed(mode: vscode.ExtensionMode): boolean {
  return mode !== PRODUCTION;
}

/**
 * The automation argument a command was given, or undefined when it does not count: in Production, or when it is
 * not an object (from a menu the extra arguments are nodes or nothing; arrays are selections).
 */
export function automationArgs<T extends object>(mode: vscode.ExtensionMode, supplied: unknown): T | undefined {
  if (!automationAllowed(mode) || typeof supplied !== 'object' || supplied === null || Array.isArray(supplied)) return undefined;
  return supplied as T;
}

/** What a command that created an enrollment token returns: in Production, the token without its value. */
export function tokenForCaller<T extends { token?: string }>(mode: vscode.ExtensionMode, created: T): T {
  if (automationAllowed(mode)) return created;
  const { token: _value, ...withoutValue } = created;
  return withoutValue as T;
}
