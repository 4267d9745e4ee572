// Parley's scripts refuse an unsupported Node.js up front with what to do, instead of failing
// later and obscurely: better-sqlite3 13 segfaults on Node 20 the moment a database opens.
// Keep in step with `engines.node` in package.json and the check in .ci/node.sh.
const MINIMUM = [22, 12];

/** Why `version` (e.g. "20.20.2") cannot run Parley, or null when it can. */
export function unsupportedNode(version) {
  const [major, minor] = version.split('.').map(Number);
  const ok = major > MINIMUM[0] || (major === MINIMUM[0] && minor >= MINIMUM[1]);
  if (ok) return null;
  return (
    `Parley needs Node.js ${MINIMUM.join('.')} or newer (24 recommended); this is ${version}.\n` +
    'Switch with nvm, fnm or volta (the repository has .nvmrc and .node-version), or on a machine ' +
    'with an old Node run `. .ci/node.sh && parley_node` in this shell first (see README, "Node.js").'
  );
}

export function exitOnUnsupportedNode() {
  const problem = unsupportedNode(process.versions.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
