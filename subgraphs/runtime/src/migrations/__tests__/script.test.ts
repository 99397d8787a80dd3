import { topLevelStatements, withoutTransactionControl } from '../script';

test("drops Prisma's BEGIN/COMMIT around a step, keeping everything else", () => {
  const script = [
    '-- AlterEnum',
    'BEGIN;',
    `CREATE TYPE "Role_new" AS ENUM ('A', 'C');`,
    'ALTER TYPE "Role_new" RENAME TO "Role";',
    'COMMIT;',
    '',
    '-- AddColumn',
    'ALTER TABLE "user" ADD COLUMN "x" TEXT;',
    '',
  ].join('\n');

  expect(withoutTransactionControl(script)).toBe(
    [
      '-- AlterEnum',
      '',
      `CREATE TYPE "Role_new" AS ENUM ('A', 'C');`,
      'ALTER TYPE "Role_new" RENAME TO "Role";',
      '',
      '',
      '-- AddColumn',
      'ALTER TABLE "user" ADD COLUMN "x" TEXT;',
      '',
    ].join('\n'),
  );
});

test('recognises the other spellings of transaction control', () => {
  const script =
    'begin transaction;\nSTART TRANSACTION;\nBEGIN ISOLATION LEVEL SERIALIZABLE;\ncommit work;\nEND;\nSELECT 1;';
  expect(withoutTransactionControl(script).trim()).toBe('SELECT 1;');
});

test('leaves transaction words inside literals, identifiers, comments and bodies alone', () => {
  const script = [
    `INSERT INTO t VALUES ('BEGIN;'), ('it''s; COMMIT;'), (E'\\'; COMMIT;');`,
    'CREATE TABLE "COMMIT;" (id int);',
    '/* BEGIN; /* nested */ COMMIT; */',
    '-- COMMIT;',
    'DO $$ BEGIN PERFORM 1; END $$;',
    'CREATE PROCEDURE p() LANGUAGE plpgsql AS $body$ BEGIN COMMIT; END; $body$;',
    'SELECT a$b FROM t;',
  ].join('\n');

  expect(withoutTransactionControl(script)).toBe(script);
  expect(topLevelStatements(script)).toHaveLength(5);
});

test('splits top-level statements, including a last one without a semicolon', () => {
  const script = 'SELECT 1;\n-- note\nSELECT $x$;$x$;  SELECT 2';
  expect(topLevelStatements(script).map(({ start, end }) => script.slice(start, end))).toEqual([
    'SELECT 1;',
    'SELECT $x$;$x$;',
    'SELECT 2',
  ]);
});
