// The API reports one `permissions` list per extension, API permissions ("storage", "tabs") and host
// permissions (match patterns) mixed, as the manifest's `permissions` used to be before Manifest V3 split
// them. They are told apart by form: a host permission is `<all_urls>` or a match pattern
// (`<scheme>://<host><path>`, e.g. `https://*.example.com/*`, `*://*/*`, `file:///*`). No vscode import.

export function isHostPermission(permission: string): boolean {
  return permission === '<all_urls>' || /^[a-z*][a-z0-9+.*-]*:\/\//i.test(permission);
}
