import * as vscode from 'vscode';
import type { ChromeBrowser } from './api/types';
import { activateAuth } from './auth';
import { listingVerifier } from './auth/verifyAccess';
import { ActiveBackendProvider } from './backendProvider';
import { registerAccountCommands, registerExplorerItemCommands } from './commands';
import { registerBulkPreview } from './commands/bulkPreview';
import { readConfiguration } from './configuration';
import { InMemoryRecentValues, recentValuesFromBrowsers, registerQueryLanguage, setRecentValuesProvider } from './language';
import { FleetOperations } from './operationsService';
import type { CompleteFleetListing, Services } from './services';
import type { CbcmExtensionApi } from './testing';
import { modalTesting } from './commands/confirm';
import { createExplorerView } from './tree';
import { selectedOrgUnitOf } from './tree/selectedOrgUnit';
import { DeviceDetailsRegistry, registerDeviceDetails } from './webview/details/detailsRegistration';
import { registerFleetInventory } from './webview/inventory/inventoryRegistration';
import { registerFleetOverview } from './webview/overview/overviewRegistration';
import { setDisplayLocale } from './util/displayLocale';
import { setTranslator } from './util/l10n';

// activate() only wires services to VS Code; every feature registers itself from its own module.
export function activate(context: vscode.ExtensionContext): CbcmExtensionApi {
  const activateStarted = performance.now(); // activation benchmark (README, Performance)
  // Numbers and dates follow VS Code's display language, not a fixed 'en'.
  setDisplayLocale(vscode.env.language);
  // Modules without vscode (confirmations, operations, the overview's figures) translate through VS Code too.
  setTranslator((message, ...args) => vscode.l10n.t(message, ...args));
  const log = vscode.window.createOutputChannel('CBCM Explorer', { log: true });
  const browserChanged = new vscode.EventEmitter<ChromeBrowser>();
  const fleetListed = new vscode.EventEmitter<CompleteFleetListing>();
  context.subscriptions.push(log, browserChanged, fleetListed);

  const auth = activateAuth(context, log, { readConfig: readConfiguration, verifyAccess: listingVerifier(readConfiguration) });
  const accounts = auth.accounts;
  context.subscriptions.push(...registerAccountCommands({ context, accounts, log }));
  const backends = new ActiveBackendProvider(accounts, log);
  context.subscriptions.push(accounts, backends);

  const operations = new FleetOperations(context.globalStorageUri, backends, (browser) => browserChanged.fire(browser));
  context.subscriptions.push(operations);
  const services: Services = {
    context,
    log,
    backends,
    onDidChangeBrowser: browserChanged.event,
    fireBrowserChanged: (browser) => browserChanged.fire(browser),
    onDidCompleteFleetListing: fleetListed.event,
    fireFleetListingCompleted: (listing) => fleetListed.fire(listing),
    operations,
  };

  const { provider: explorer, view } = createExplorerView(services, () => accounts.activeAccount?.label);
  context.subscriptions.push(...registerExplorerItemCommands({ services, explorer, view }));
  const selectedOrgUnit = selectedOrgUnitOf(view);
  context.subscriptions.push(selectedOrgUnit, ...registerQueryLanguage({ log, selectedOrgUnit }));
  // Values seen in listed browsers become completions in filter queries.
  const fleetValues = new InMemoryRecentValues();
  setRecentValuesProvider(fleetValues);
  context.subscriptions.push(explorer.onDidLoadBrowsers((page) => fleetValues.merge('browsers', recentValuesFromBrowsers(page))));
  context.subscriptions.push(...registerBulkPreview());
  const details = new DeviceDetailsRegistry(services);
  context.subscriptions.push(
    details,
    ...registerDeviceDetails(services, details),
    ...registerFleetOverview(services),
    ...registerFleetInventory(services),
  );

  // Any extension can read `exports`: live objects (and the credentials behind them) only go to tests.
  const testing =
    context.extensionMode === vscode.ExtensionMode.Production
      ? undefined
      : { services, explorer, view, auth: auth.testing, modal: modalTesting, details, activateMs: performance.now() - activateStarted };
  return { testing };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
