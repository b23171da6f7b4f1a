// The Node.js the project needs (pg-boss 12 and @axe-core/playwright: 22.12+). Machines of
// the kind we deploy on ship Node 20: there, `npm run demo` and `npm test` re-run themselves
// under the Node of .nvmrc, which .ci/node.sh fetches once from the npm registry.
import { spawnSync } from 'node:child_process';

const [major, minor] = process.versions.node.split('.').map(Number);

/** Returns when this Node is recent enough; otherwise runs `script` under the .nvmrc Node and exits with its status. */
export function ensureNode(script) {
  if (major > 22 || (major === 22 && minor >= 12)) return;
  if (process.env.CLUSTERMATCH_NODE_SWITCHED) {
    console.error(`Node ${process.version} is too old (22.12+ needed) and .ci/node.sh did not provide another.`);
    process.exit(1);
  }
  console.log(`Node ${process.version} is too old (22.12+ needed): using the Node of .nvmrc (.ci/node.sh).`);
  const result = spawnSync(
    'bash',
    ['-c', '. .ci/node.sh && exec node "$@"', 'node', script, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, CLUSTERMATCH_NODE_SWITCHED: '1' },
    },
  );
  process.exit(result.status ?? 1);
}
