import fs from 'node:fs';

/**
 * The embedded hub's data directory holds personal data (customers' names, addresses, openids)
 * and the token key: only the user the hub runs as may read it. Directories are 0700, files 0600
 * — created so, and tightened if an earlier version (or a plain `mkdir`) left them open.
 */
export function ensurePrivateDirectory(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

/**
 * A SQLite database file created 0600 before the driver opens it (SQLite gives its -wal, -shm
 * and -journal files the database file's mode), and any of them left from before tightened.
 */
export function ensurePrivateDatabaseFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const companion of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      if ((fs.statSync(companion).mode & 0o077) !== 0) fs.chmodSync(companion, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
