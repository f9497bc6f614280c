// The activation baseline (bench/vscode.bench.ts): what any extension costs VS Code to activate, with nothing of
// its own to load. One command, so it is a real extension; activate() does nothing.
'use strict';
exports.activate = function activate() {};
exports.deactivate = function deactivate() {};
