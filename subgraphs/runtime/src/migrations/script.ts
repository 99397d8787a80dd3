/**
 * A migration script without its top-level transaction-control statements (BEGIN, COMMIT, …).
 *
 * Prisma writes `BEGIN; … COMMIT;` around steps that must be atomic (recreating an enum type to
 * drop a value), because its CLI runs scripts outside a transaction. Here every migration runs in
 * one transaction already, and an inner COMMIT would end it early: what follows in the script,
 * and the migration's `_prisma_migrations` row, would no longer be atomic with the rest.
 *
 * Only statements at the top level are touched: text in string literals, quoted identifiers,
 * comments and dollar-quoted bodies (functions, DO blocks, procedures that COMMIT) is left as is.
 * Comments are kept, so line numbers in error messages stay close to the file's.
 */
export function withoutTransactionControl(script: string): string {
  let result = '';
  let copiedUpTo = 0;
  for (const { start, end } of topLevelStatements(script)) {
    if (isTransactionControl(script.slice(start, end))) {
      result += script.slice(copiedUpTo, start);
      copiedUpTo = end;
    }
  }
  return result + script.slice(copiedUpTo);
}

function isTransactionControl(statement: string): boolean {
  const code = statement
    .replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ')
    .replace(/;\s*$/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toUpperCase();
  return (
    /^(BEGIN|START TRANSACTION)( |$)/.test(code) || /^(COMMIT|END)( WORK| TRANSACTION)?( AND NO CHAIN)?$/.test(code)
  );
}

interface StatementRange {
  /** Offset of the statement's first character of code (after leading whitespace and comments). */
  start: number;
  /** Offset just after its terminating semicolon (or the end of the script). */
  end: number;
}

/** The top-level statements of a PostgreSQL script, found with just enough of its lexical rules. */
export function topLevelStatements(script: string): StatementRange[] {
  const statements: StatementRange[] = [];
  const n = script.length;
  let start = -1;
  let i = 0;
  while (i < n) {
    const c = script[i];
    const next = script[i + 1];
    if (c === '-' && next === '-') {
      const newline = script.indexOf('\n', i);
      i = newline === -1 ? n : newline + 1;
      continue;
    }
    if (c === '/' && next === '*') {
      i = skipBlockComment(script, i);
      continue;
    }
    if (c === undefined || /\s/.test(c)) {
      i++;
      continue;
    }
    if (start === -1) start = i;
    if (c === ';') {
      statements.push({ start, end: i + 1 });
      start = -1;
      i++;
    } else if (c === "'") {
      i = skipQuoted(script, i, "'", isEscapeString(script, i));
    } else if (c === '"') {
      i = skipQuoted(script, i, '"', false);
    } else if (c === '$') {
      i = skipDollarQuoted(script, i);
    } else {
      i++;
    }
  }
  if (start !== -1) statements.push({ start, end: n });
  return statements;
}

/** Block comments nest in PostgreSQL. */
function skipBlockComment(script: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < script.length) {
    if (script.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (script.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return i;
}

/** `'…'` or `"…"`, where a doubled quote is a quote; in E'…' strings a backslash escapes too. */
function skipQuoted(script: string, at: number, quote: string, backslashEscapes: boolean): number {
  let i = at + 1;
  while (i < script.length) {
    const c = script[i];
    if (backslashEscapes && c === '\\') {
      i += 2;
    } else if (c === quote) {
      if (script[i + 1] !== quote) return i + 1;
      i += 2;
    } else {
      i++;
    }
  }
  return i;
}

function isEscapeString(script: string, quoteAt: number): boolean {
  const prefix = script[quoteAt - 1];
  return (prefix === 'E' || prefix === 'e') && !isIdentifierChar(script[quoteAt - 2]);
}

/** `$$…$$` or `$tag$…$tag$`; a `$` inside an identifier (`a$b`) or a parameter (`$1`) is not one. */
function skipDollarQuoted(script: string, at: number): number {
  if (isIdentifierChar(script[at - 1])) return at + 1;
  const opening = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(script.slice(at, at + 200));
  if (!opening) return at + 1;
  const close = script.indexOf(opening[0], at + opening[0].length);
  return close === -1 ? script.length : close + opening[0].length;
}

function isIdentifierChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
}
