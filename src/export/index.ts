// What the export commands use of src/export, in one module they load on first use
// (src/commands/exportModule.ts): the writers, the destinations and the column catalogue stay out of what
// activation loads (esbuild.js splits at the `import()`; test/unit/bundleSplit.test.ts checks it).
export { writeBrowserExport } from './browserExport';
export { ExportColumnChoices } from './columnChoice';
export { columnById, columnsFor, projectionFor } from './columns';
export { openExportDestination } from './exportDestination';
export { targetPath } from './exportTarget';
export { writeJsonLines, writeRowExport } from './rowExport';
export { writeTokenExport } from './tokenExport';
