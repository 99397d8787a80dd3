import { calculatePayslipFigures } from '../../domain/payroll/calculate';
import { payrollInput } from '../../domain/payroll/__tests__/fixtures';
import { copyText, copyWriter, PAYSLIP_COLUMNS, payslipRow, type PayslipToStore } from '../payslip-rows';

/** COPY's text format read back as PostgreSQL reads it: `\N` is NULL, a backslash escapes the next character. */
function readCopyText(field: string): string | null {
  if (field === '\\N') return null;
  const named: Record<string, string> = { t: '\t', n: '\n', r: '\r', '\\': '\\' };
  return field.replace(/\\(.)/g, (_, c: string) => named[c] ?? c);
}

describe('a payslip value in COPY text format', () => {
  it('keeps a field on its line whatever a name or reason holds, and reads back unchanged', () => {
    const awkward = ['plain', 'tab\there', 'new\nline', 'cr\rhere', 'back\\slash', '\\N', 'trailing\\', '€ − ë'];
    for (const text of awkward) {
      const field = copyText(text);
      expect(field).not.toMatch(/[\t\n\r]/);
      expect(readCopyText(field)).toBe(text);
    }
  });

  it('writes JSON whose strings hold quotes, backslashes and line breaks so PostgreSQL reads the same JSON', () => {
    const value = { reason: 'said "no"\nthen \\ left\tearly', amount: '12.34', nested: [{ name: 'Ö\\' }] };
    const field = copyText(value);
    expect(field).not.toMatch(/[\t\n\r]/);
    expect(JSON.parse(readCopyText(field)!)).toEqual(value);
  });

  it('writes NULL and booleans as PostgreSQL reads them', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText(true)).toBe('t');
    expect(copyText(false)).toBe('f');
  });
});

describe('a page of payslips written for COPY', () => {
  /** A payslip whose texts hold what COPY must escape: a tab, a newline, a backslash and a euro sign. */
  function awkwardPayslip(n: number): PayslipToStore {
    const input = payrollInput();
    input.caoWage.caoVersionName = `CAO\tKringloop\n€ ${n} \\ back`;
    const calculation = calculatePayslipFigures(input);
    return { employeeId: `employee-${n}`, employmentId: `employment\t${n}`, input, calculation };
  }

  it("writes each payslip as one line whose fields are the row's columns, in the order COPY names them", () => {
    const payslips = [awkwardPayslip(1), awkwardPayslip(2), awkwardPayslip(3)];
    const writer = copyWriter('run-1', 'member-1');
    payslips.forEach((p, i) => writer.add(p, `id-${i}`));
    const { copy } = writer.rows() as { copy: Uint8Array[] };
    const lines = Buffer.concat(copy).toString('utf8').split('\n');
    expect(lines.pop()).toBe(''); // the last line ends too
    expect(lines).toHaveLength(payslips.length);
    lines.forEach((line, i) => {
      const row = payslipRow('run-1', 'member-1', payslips[i]!, `id-${i}`);
      expect(line.split('\t')).toEqual(PAYSLIP_COLUMNS.map((column) => copyText(row[column])));
      const name = line.split('\t')[PAYSLIP_COLUMNS.indexOf('cao_version_name')]!;
      expect(readCopyText(name)).toBe(payslips[i]!.calculation.cao.versionName);
    });
  });

  it('starts a new block when a row would not fit, and no row is split between blocks', () => {
    const writer = copyWriter('run-1', 'member-1');
    const count = 400; // about 2.5 MB of rows: three blocks of a megabyte
    for (let i = 0; i < count; i++) writer.add(awkwardPayslip(i), `id-${i}`);
    const { copy } = writer.rows() as { copy: Uint8Array[] };
    expect(copy.length).toBeGreaterThan(1);
    const lines = copy.flatMap((block) => {
      const text = Buffer.from(block).toString('utf8');
      expect(text.endsWith('\n')).toBe(true);
      return text.slice(0, -1).split('\n');
    });
    expect(lines).toHaveLength(count);
    expect(lines.map((line) => line.split('\t')[0])).toEqual(Array.from({ length: count }, (_, i) => `id-${i}`));
  });
});
