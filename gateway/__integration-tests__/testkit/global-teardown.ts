import fs from 'node:fs';
import { TEMPLATE_DIR_ENV } from './databases';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env[TEMPLATE_DIR_ENV];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
