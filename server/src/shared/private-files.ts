import fs from 'node:fs';

/**
 * ecomdir's data folder holds password hashes, customers' data and the master key: only the
 * server's user may enter it (0700) or read its files (0600). Existing folders and files of an
 * older install are tightened too.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/**
 * Creates `dir` (and its missing parents) private when it does not exist, and leaves an existing
 * one as it is: the folder that holds a SQLite file chosen elsewhere may be shared (/tmp, /srv),
 * and tightening it would lock its other users out. The file itself is private either way.
 */
export function ensureDirExists(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Creates `file` empty with mode 0600 when missing, or tightens it. SQLite creates its -wal
 * and -shm files with the mode of the database file, so they follow.
 */
export function ensurePrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  fs.chmodSync(file, 0o600);
  for (const side of [`${file}-wal`, `${file}-shm`])
    if (fs.existsSync(side)) fs.chmodSync(side, 0o600);
}
