import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockDataFolder } from '../database/folder-lock';

const dataDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lock-test-')), 'members');

test('a data folder in use is refused, naming the process; released, it can be used again', () => {
  const dir = dataDir();
  const release = lockDataFolder(dir);
  expect(() => lockDataFolder(dir)).toThrow(new RegExp(`in use by process ${process.pid}`));
  release();
  lockDataFolder(dir)();
});

test('a lock left by a process that is gone is taken over', () => {
  const dir = dataDir();
  fs.writeFileSync(`${dir}.lock`, '2147483646');
  const release = lockDataFolder(dir);
  expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
  release();
});
