import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock } from './lock';

// The embedded database's lock (db/lock.ts): processes that start in the same instant, a lock left
// by a dead process, a live holder.

const lockModule = path.resolve(import.meta.dirname, 'lock.ts');
let root = '';
let dir = '';
const lockFile = () => `${dir}.lock`;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cm-lock-'));
  dir = path.join(root, 'pglite');
  fs.mkdirSync(dir);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/**
 * A process that loads the lock module, says 'ready', takes the lock when told 'go' and reports,
 * then keeps running (a live holder) until its stdin closes; it releases the lock on exit.
 */
function contender(): { child: ChildProcess; ready: Promise<void>; outcome: Promise<string> } {
  const script = `
    import { acquireLock, releaseLockOnExit } from ${JSON.stringify(lockModule)};
    process.stdout.write('ready\\n');
    process.stdin.once('data', () => {
      try {
        releaseLockOnExit(acquireLock(${JSON.stringify(dir)}));
        process.stdout.write('took\\n');
      } catch (error) {
        process.stdout.write('refused ' + error.message + '\\n');
      }
      process.stdin.once('end', () => process.exit(0));
      process.stdin.resume();
    });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  const lines = new Promise<string[]>((resolve) => {
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const all = out.split('\n').filter(Boolean);
      if (all.length >= 2) resolve(all);
    });
  });
  const ready = new Promise<void>((resolve) => {
    child.stdout?.on('data', () => out.startsWith('ready') && resolve());
  });
  return { child, ready, outcome: lines.then((l) => l[1]) };
}

const exited = (child: ChildProcess) =>
  new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));

describe('the embedded database lock', () => {
  it('of six processes taking it in the same instant, exactly one gets it (three rounds)', async () => {
    for (let round = 0; round < 3; round++) {
      const contenders = Array.from({ length: 6 }, contender);
      await Promise.all(contenders.map((c) => c.ready));
      for (const c of contenders) c.child.stdin?.write('go\n');
      const outcomes = await Promise.all(contenders.map((c) => c.outcome));
      expect(
        outcomes.filter((o) => o === 'took'),
        outcomes.join('\n'),
      ).toHaveLength(1);
      // a loser that reads the lock between the winner's create and its write of the pid sees it empty ("being
      // opened"): refused too. On a loaded machine that window is wide enough to be hit (2 of 4 runs at load ~17).
      expect(
        outcomes.filter((o) => /^refused .*(is in use by process|is being opened by another process)/.test(o)),
      ).toHaveLength(5);
      const winner = contenders[outcomes.indexOf('took')].child;
      expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(winner.pid));
      for (const c of contenders) c.child.stdin?.end();
      await Promise.all(contenders.map((c) => exited(c.child)));
      expect(fs.existsSync(lockFile()), 'the holder removes its lock on exit').toBe(false);
    }
  }, 120_000);

  it('takes over a lock left by a process that died', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(lockFile(), dead.stdout);
    expect(acquireLock(dir)).toBe(lockFile());
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    expect(fs.readdirSync(root).sort()).toEqual(['pglite', 'pglite.lock']); // nothing set aside is left
  });

  it('refuses while the holder lives, and while the lock is still being written', () => {
    fs.writeFileSync(lockFile(), String(process.ppid));
    expect(() => acquireLock(dir)).toThrow(`is in use by process ${process.ppid}`);
    fs.writeFileSync(lockFile(), '');
    expect(() => acquireLock(dir)).toThrow('is being opened by another process');
    expect(fs.readFileSync(lockFile(), 'utf8')).toBe('');
  });

  it('is this process’s again when it opens the folder a second time', () => {
    expect(acquireLock(dir)).toBe(lockFile());
    expect(acquireLock(dir)).toBe(lockFile());
  });
});
