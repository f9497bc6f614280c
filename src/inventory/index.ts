// The fleet inventory: every extension and policy across the fleet, aggregated from the streamed FULL listing.
// No vscode import anywhere in this folder.
export * from './aggregator';
export * from './cache';
export * from './idSet';
export * from './loader';
export * from './model';
export * from './permissions';
export * from './selection';
export * from './snapshot';
