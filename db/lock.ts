import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes writing one folder lose data silently.
 * The first process to open the folder creates `<dir>.lock` holding its pid; another refuses while
 * that pid lives. The create is exclusive (`wx`: the file system creates it or fails with EEXIST), so
 * of two processes starting in the same instant exactly one gets it; a lock left by a process that
 * died is set aside by rename (one process wins that too) and the create tried again.
 * Kept over proper-lockfile (mtime lease): at load average ~21 PGlite's open blocked the event loop 62 s, past any lease.
 * Plain Node (no path aliases): db/lock.test.ts runs it in child processes.
 */
export function acquireLock(dir: string): string {
  const lockFile = path.join(dir, '..', `${path.basename(dir)}.lock`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return lockFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readPid(lockFile);
    if (holder === undefined) continue; // removed meanwhile: try the create again
    if (holder === process.pid) return lockFile; // this process opened the folder before
    // empty: its creator has not written its pid yet (a process starting now), so it is taken
    if (holder === 0 || isAlive(holder)) throw inUse(dir, lockFile, holder);
    const live = setAsideStale(lockFile, holder);
    if (live) throw inUse(dir, lockFile, live);
  }
  throw inUse(dir, lockFile, readPid(lockFile) ?? 0);
}

/** Removes the lock when this process exits, if it is still this process's. */
export function releaseLockOnExit(lockFile: string) {
  process.once('exit', () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // already gone
    }
  });
}

/** The pid in a lock file: undefined when there is no file, 0 when it is empty. */
function readPid(file: string): number | undefined {
  try {
    return Number(fs.readFileSync(file, 'utf8')) || 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Moves the dead `holder`'s lock aside. Rename is atomic: if another process took the stale lock
 * over first, what this one moved is that process's live lock: it is put back and its pid returned.
 */
function setAsideStale(lockFile: string, holder: number): number | null {
  const aside = `${lockFile}.${process.pid}.stale`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // someone else moved it
    throw error;
  }
  const moved = readPid(aside);
  if (moved !== holder && moved !== undefined) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // a third process holds the name now; it keeps it
    }
    fs.rmSync(aside, { force: true });
    return moved;
  }
  fs.rmSync(aside, { force: true });
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

function inUse(dir: string, lockFile: string, holder: number) {
  return new Error(
    holder
      ? `The embedded database at ${dir} is in use by process ${holder} (is the server running?). Stop it first.`
      : `The embedded database at ${dir} is being opened by another process (${lockFile} is empty; delete it if no process is starting).`,
  );
}
