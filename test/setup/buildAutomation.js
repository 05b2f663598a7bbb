// The automation script's engine bundle (automation/engineBundle.generated.ts) is built from the
// sources, never committed: a committed copy would go stale with every change under src/. Jest
// builds it once before any suite imports it (the settings view and test/automation do).
const {execFileSync} = require('node:child_process');
const path = require('node:path');

module.exports = async function buildAutomationBundle() {
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'buildAutomation.ts')], {cwd: root, stdio: 'ignore'});
};
