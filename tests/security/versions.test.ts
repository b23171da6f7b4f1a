import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const minimums = JSON.parse(fs.readFileSync(path.join(root, 'lib/security/minimum-versions.json'), 'utf8')) as Record<
  string,
  string
>;
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

/** Compares semver-ish versions, prerelease below release: 5.0.0-beta.32 < 5.0.0. */
function compareVersions(a: string, b: string): number {
  const [coreA, preA] = a.split('-', 2);
  const [coreB, preB] = b.split('-', 2);
  const nums = (v: string) => v.split('.').map((n) => Number.parseInt(n, 10));
  const [x, y] = [nums(coreA), nums(coreB)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  if (!preA || !preB) return preA ? -1 : preB ? 1 : 0;
  const [pa, pb] = [preA.split('.'), preB.split('.')];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const [na, nb] = [Number(pa[i]), Number(pb[i])];
    const diff = Number.isNaN(na) || Number.isNaN(nb) ? pa[i].localeCompare(pb[i]) : na - nb;
    if (diff) return diff;
  }
  return 0;
}

describe('patched dependency versions', () => {
  it('compares versions the way npm does', () => {
    expect(compareVersions('16.4.6', '16.4.5')).toBeGreaterThan(0);
    expect(compareVersions('16.10.0', '16.9.9')).toBeGreaterThan(0);
    expect(compareVersions('5.0.0-beta.31', '5.0.0-beta.32')).toBeLessThan(0);
    expect(compareVersions('5.0.0', '5.0.0-beta.32')).toBeGreaterThan(0);
    expect(compareVersions('19.3.1', '19.3.1')).toBe(0);
  });

  for (const [name, minimum] of Object.entries(minimums).filter(([k]) => !k.startsWith('_'))) {
    it(`${name} in the lockfile is at least ${minimum}`, () => {
      const installed = lock.packages[`node_modules/${name}`]?.version;
      expect(installed, `${name} missing from package-lock.json`).toBeDefined();
      expect(compareVersions(installed!, minimum)).toBeGreaterThanOrEqual(0);
    });
  }
});
