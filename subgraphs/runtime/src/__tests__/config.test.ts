import path from 'node:path';
import { dataDirFromEnv, portFromEnv, serviceUrlFromEnv, workspaceRoot } from '../config';

// Where services find each other and their data, whichever folder they were started from: the
// whole platform (`pnpm start`) and one service alone (`pnpm --filter … start`, which runs in
// the package's folder) must agree.
const saved = { ...process.env };
const cwd = process.cwd();
afterEach(() => {
  process.env = { ...saved };
  process.chdir(cwd);
});

const ROOT = path.resolve(__dirname, '../../../..');

describe('another service’s address', () => {
  test('follows its port variable (hr-payroll alone finds the CAO on CAO_PORT)', () => {
    delete process.env.CAO_URL;
    process.env.CAO_PORT = '5902';
    expect(serviceUrlFromEnv('cao')).toBe('http://127.0.0.1:5902/graphql');
  });

  test('is its URL variable when given, and the default port otherwise', () => {
    process.env.HR_PAYROLL_URL = 'http://payroll.internal:8080/graphql';
    expect(serviceUrlFromEnv('hr-payroll')).toBe('http://payroll.internal:8080/graphql');
    delete process.env.MEMBERS_URL;
    delete process.env.MEMBERS_PORT;
    expect(serviceUrlFromEnv('members')).toBe('http://127.0.0.1:4001/graphql');
  });

  test('a port that is no port stops start-up with a sentence', () => {
    process.env.CAO_PORT = 'forty';
    expect(() => portFromEnv('cao')).toThrow(/CAO_PORT must be a port number/);
  });
});

describe('the data folder', () => {
  test('is .data in the repository, from whichever folder a service starts', () => {
    delete process.env.SAMEN_STERK_DATA_DIR;
    expect(workspaceRoot()).toBe(ROOT);
    process.chdir(path.join(ROOT, 'subgraphs', 'members'));
    expect(dataDirFromEnv()).toBe(path.join(ROOT, '.data'));
  });

  test('given relative, is relative to where the command was typed', () => {
    process.env.SAMEN_STERK_DATA_DIR = 'my-data';
    process.env.INIT_CWD = '/tmp/somewhere';
    process.chdir(path.join(ROOT, 'subgraphs', 'cao'));
    expect(dataDirFromEnv()).toBe('/tmp/somewhere/my-data');
  });
});
