// The client graph: every module a 'use client' file pulls into the browser bundle, followed
// transitively. None may reach server-only code (the database handle and schema, data
// modules, drivers, the job queue, secrets). Imports of 'use server' files are not followed:
// the client gets a reference to call the action, not its code. Type-only imports are erased
// and not followed either. Run by `npm run deps` after .dependency-cruiser.cjs.
const fs = require('node:fs');
const path = require('node:path');
const main = require('./.dependency-cruiser.cjs');

const sourceDirs = ['app', 'components', 'lib'];
const directive = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/)\s*)*['"]use (client|server)['"]/;

function filesWith(kind) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|tsx|js|mjs)$/.test(entry.name) && directive.exec(fs.readFileSync(file, 'utf8'))?.[1] === kind)
        found.push(file.split(path.sep).join('/'));
    }
  };
  for (const dir of sourceDirs) walk(dir);
  return found;
}
const exactly = (files) => files.map((file) => `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const clientFiles = exactly(filesWith('client'));
const serverActionFiles = exactly(filesWith('server'));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-server-code-in-client-graph',
      severity: 'error',
      comment:
        "A 'use client' module reaches server-only code: it would ship to the browser or fail the build. " +
        'Import enums from db/vocabulary, types with `import type`, actions from their `use server` file.',
      from: { path: clientFiles },
      to: {
        reachable: true,
        path: [
          '^node_modules/(server-only|postgres|@electric-sql/pglite|pg-boss|drizzle-orm|nodemailer|bcryptjs)/',
          '^db/(index|client)\\.ts$',
          '^db/(schema|seed|migrations)/',
          '^lib/.+/data\\.ts$',
          '^lib/(jobs|mail)/',
          '^lib/(env|audit)\\.ts$',
          '^lib/auth/(config|session|guard|secret|password|rate-limit)\\.ts$',
        ],
      },
    },
  ],
  options: {
    ...main.options,
    doNotFollow: { path: ['node_modules', ...serverActionFiles] },
    tsPreCompilationDeps: false,
  },
};
