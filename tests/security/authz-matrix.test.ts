import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { can, type Viewer } from '@/lib/auth/policy';
import { actionMatrix, pageMatrix, subjects, type Subject } from './authz-matrix';

const root = path.resolve(import.meta.dirname, '../..');
const appDir = path.join(root, 'app');

function filesNamed(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}
const relTo = (dir: string, file: string) => path.relative(dir, file).split(path.sep).join('/');
const isServerActionModule = (source: string) => /^\s*['"]use server['"]/m.test(source);
/** The one place server actions live: lib/<feature>/actions.ts (a sub-feature may nest: lib/a/b/actions.ts). */
const isActionsFile = (file: string) => /^lib\/[\w-]+(\/[\w-]+)*\/actions\.ts$/.test(file);

/** Source files of the application (not tests): where a 'use server' module could hide. */
const sourceFiles = () =>
  ['app', 'components', 'lib', 'db']
    .flatMap((dir) => filesNamed(path.join(root, dir), /\.(ts|tsx)$/))
    .map((file) => relTo(root, file))
    .filter((file) => !/\.test\.tsx?$/.test(file));

/**
 * Every exported server action: `export const x = authedAction('perm', …)` or `publicAction(…)`; an
 * action with a permission per kind — `authedAction({ need: 'a', seed: 'b' }, …)`, the object written
 * there or as a `const` of the same file — is listed once per kind, `<file>#<export>[<kind>]`.
 */
function discoverActions() {
  const found: Record<string, string> = {};
  for (const file of sourceFiles().filter(isActionsFile)) {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    if (!isServerActionModule(source)) continue;
    const exports = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g)].map((m) => m[1]);
    for (const name of exports) {
      const definition = new RegExp(
        `export\\s+const\\s+${name}\\s*=\\s*(authedAction|publicAction)\\(\\s*(?:'([\\w.]+)'|(\\{[^}]*\\})|(\\w+)\\s*,)?`,
      ).exec(source);
      const perKind =
        definition?.[1] !== 'authedAction'
          ? undefined
          : (definition[3] ?? (definition[4] ? constObject(source, definition[4]) : undefined));
      if (perKind) {
        for (const [, kind, permission] of perKind.matchAll(/(\w+):\s*'([\w.]+)'/g)) {
          found[`${file}#${name}[${kind}]`] = permission;
        }
        continue;
      }
      // a server-action export not built with a wrapper is itself a failure: it would skip the policy
      found[`${file}#${name}`] = definition
        ? definition[1] === 'publicAction'
          ? 'public'
          : (definition[2] ?? '?')
        : 'UNWRAPPED';
    }
  }
  return found;
}

/** The object literal a module-level `const name = { … }` holds, as written. */
const constObject = (source: string, name: string) =>
  new RegExp(`^const\\s+${name}\\s*=\\s*(\\{[^}]*\\})`, 'm').exec(source)?.[1];

/** Every page under app/(app) and the permission its requirePermission() call names. */
function discoverPages() {
  const found: Record<string, string> = {};
  for (const file of filesNamed(path.join(appDir, '(app)'), /^page\.tsx$/)) {
    const match = /requirePermission\(\s*'([\w.]+)'/.exec(fs.readFileSync(file, 'utf8'));
    found[relTo(appDir, file)] = match?.[1] ?? 'NO requirePermission';
  }
  return found;
}

function viewerFor(subject: Subject): Viewer | null {
  if (subject === 'anonymous') return null;
  const role = subject === 'unverified' ? 'sme' : subject;
  return {
    userId: '00000000-0000-0000-0000-000000000001',
    role,
    organisationId: '00000000-0000-0000-0000-000000000002',
    organisationKind: 'sme',
    verified: subject !== 'unverified',
    coordinatorClusterIds: role === 'coordinator' ? ['00000000-0000-0000-0000-000000000003'] : [],
    locale: 'ja',
    timeZone: 'Asia/Tokyo',
  };
}

describe('authorisation matrix', () => {
  const actions = discoverActions();
  const pages = discoverPages();

  it("keeps server actions in lib/<feature>/actions.ts only ('use server' nowhere else)", () => {
    const elsewhere = sourceFiles().filter(
      (file) => !isActionsFile(file) && isServerActionModule(fs.readFileSync(path.join(root, file), 'utf8')),
    );
    expect(elsewhere).toEqual([]);
  });

  it('lists every server action, each built with authedAction or publicAction', () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(actionMatrix).sort());
    for (const [key, permission] of Object.entries(actions)) {
      expect(permission, key).toBe(actionMatrix[key].permission);
    }
  });

  it('lists every protected page, each calling requirePermission', () => {
    expect(Object.keys(pages).sort()).toEqual(Object.keys(pageMatrix).sort());
    for (const [key, permission] of Object.entries(pages)) {
      expect(permission, key).toBe(pageMatrix[key].permission);
    }
  });

  for (const [key, entry] of Object.entries({ ...actionMatrix, ...pageMatrix })) {
    it(`${key}: ${entry.allowed.join(', ')}`, () => {
      const answers = subjects.map((s) => [
        s,
        entry.permission === 'public' ? true : can(viewerFor(s), entry.permission),
      ]);
      const expected = subjects.map((s) => [s, entry.allowed.includes(s)]);
      expect(answers).toEqual(expected);
    });
  }
});
