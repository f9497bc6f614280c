import * as vscode from 'vscode';
import type { CbcmBackend } from '../api/backend';
import type { OrgUnit } from '../api/types';
import { ROOT_OU_PATH } from '../tree/orgUnitTree';

interface OrgUnitPick extends vscode.QuickPickItem {
  path: string;
}

/** A searchable pick of every org unit (matching on path and description), the root first. */
export async function pickOrgUnit(
  backend: CbcmBackend,
  options: { title: string; placeHolder?: string; known?: readonly OrgUnit[]; exclude?: string },
): Promise<string | undefined> {
  const units = options.known ?? await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Listing org units…' },
    () => backend.listOrgUnits(),
  );
  const picks: OrgUnitPick[] = [
    { label: '$(organization) /', description: 'Root org unit', path: ROOT_OU_PATH },
    ...[...units]
      .sort((a, b) => a.orgUnitPath.localeCompare(b.orgUnitPath))
      .map((u) => ({ label: `$(folder) ${u.orgUnitPath}`, description: u.description, path: u.orgUnitPath })),
  ].filter((p) => p.path !== options.exclude);
  const pick = await vscode.window.showQuickPick(picks, {
    title: options.title,
    placeHolder: options.placeHolder ?? 'Type to search org units',
    matchOnDescription: true,
  });
  return pick?.path;
}
