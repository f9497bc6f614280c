import * as vscode from 'vscode';
import type { CbcmBackend } from '../api/backend';
import type { OrgUnit } from '../api/types';
import { ROOT_OU_PATH } from '../tree/orgUnitTree';
import { BACK, pickStep } from '../ui/multiStepInput';

interface OrgUnitPick extends vscode.QuickPickItem {
  path: string;
}

/** A searchable pick of every org unit (matching on path and description), the root first. */
export async function pickOrgUnit(
  backend: CbcmBackend,
  options: { title: string; placeHolder?: string; known?: readonly OrgUnit[]; exclude?: string; step?: number; totalSteps?: number },
): Promise<string | undefined> {
  const units =
    options.known ??
    (await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Listing org units…') }, () =>
      backend.listOrgUnits(),
    ));
  const picks: OrgUnitPick[] = [
    { label: '$(organization) /', description: vscode.l10n.t('Root org unit'), path: ROOT_OU_PATH },
    ...[...units]
      .sort((a, b) => a.orgUnitPath.localeCompare(b.orgUnitPath))
      .map((u) => ({ label: `$(folder) ${u.orgUnitPath}`, description: u.description, path: u.orgUnitPath })),
  ].filter((p) => p.path !== options.exclude);
  if (options.step !== undefined && options.totalSteps !== undefined) {
    // The first step of a multi-step input (token creation): "Title (1/2)".
    const stepped = await pickStep({ title: options.title, step: options.step, totalSteps: options.totalSteps }, picks, {
      placeholder: options.placeHolder ?? vscode.l10n.t('Type to search org units'),
      matchOnDescription: true,
    });
    return stepped && stepped !== BACK ? stepped.path : undefined;
  }
  const pick = await vscode.window.showQuickPick(picks, {
    title: options.title,
    placeHolder: options.placeHolder ?? vscode.l10n.t('Type to search org units'),
    matchOnDescription: true,
    // A step of a longer flow (a bulk action's choice, then its destination): a webview that takes the focus back
    // as the previous step closes (the fleet overview's "Act on all…") must not dismiss it; Escape still does.
    ignoreFocusOut: true,
  });
  return pick?.path;
}
