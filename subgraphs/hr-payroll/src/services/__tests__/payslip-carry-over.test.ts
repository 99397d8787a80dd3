import { PGlite } from '@electric-sql/pglite';
import fs from 'node:fs';
import path from 'node:path';
import { calculatePayslipFigures } from '../../domain/payroll/calculate';
import { date, payrollInput } from '../../domain/payroll/__tests__/fixtures';
import { carryOverOf } from '../payslip-rows';

// Payslips stored before the carry_over column existed must carry over the same figures as those
// stored after it: the migration copies them out of the payslip's calculation and inputs, and
// what it copies must be what a run now writes (carryOverOf), or the next month's year to date,
// holiday allowance and annual wage would silently change for every employee.

const MIGRATIONS = path.join(__dirname, '../../../prisma/migrations');
const CARRY_OVER = '20261203062154_payslip_carry_over';
const migrations = fs
  .readdirSync(MIGRATIONS)
  .filter((name) => fs.existsSync(path.join(MIGRATIONS, name, 'migration.sql')))
  .sort();
const sqlOf = (name: string) => fs.readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8');

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
}, 60_000);
afterAll(() => pg.close());

it('gives payslips stored before it the carry-over a run writes now, and keeps their inputs and calculation', async () => {
  expect(migrations).toContain(CARRY_OVER);
  for (const name of migrations.filter((m) => m < CARRY_OVER)) await pg.exec(sqlOf(name));

  // Two payslips as the older schema held them (jsonb), the second a part month.
  const inputs = [
    payrollInput({ caoWage: { monthly: '2612.48', hourly: '16.08', holidayAllowancePercent: '8' } }),
    payrollInput({
      period: { year: 2026, month: 7 },
      employment: { startDate: date('2026-07-14'), hoursPerWeek: '24' },
      caoWage: { monthly: '2400.52', hourly: '14.83' },
    }),
  ];
  const stored = inputs.map((input) => ({ input, calculation: calculatePayslipFigures(input) }));
  // Foreign keys (run, employment) are not what this is about: they are not checked while inserting.
  await pg.exec("SET session_replication_role = 'replica'");
  for (const [i, p] of stored.entries()) {
    await pg.query(
      `INSERT INTO payslip (id, run_id, member_id, employee_id, employment_id, cao_version_id, cao_version_name,
         gross, taxable_wage, wage_tax, net, employer_costs, inputs, calculation, compliant)
       VALUES ($1, 'run', 'member', $1, $1, 'cao', 'CAO', 0, 0, 0, 0, 0, $2::jsonb, $3::jsonb, true)`,
      [`payslip-${i}`, JSON.stringify(p.input), JSON.stringify(p.calculation)],
    );
  }
  await pg.exec("SET session_replication_role = 'origin'");

  for (const name of migrations.filter((m) => m >= CARRY_OVER)) await pg.exec(sqlOf(name));

  const rows = await pg.query<{ carry: string; inputs: string; calculation: string; types: string }>(
    `SELECT carry_over::text AS carry, inputs::text AS inputs, calculation::text AS calculation,
            pg_typeof(inputs)::text || ' ' || pg_typeof(calculation)::text AS types
       FROM payslip ORDER BY id`,
  );
  expect(rows.rows).toHaveLength(stored.length);
  for (const [i, row] of rows.rows.entries()) {
    const expected = carryOverOf(stored[i]!.input, stored[i]!.calculation);
    expect(JSON.parse(row.carry)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(row.types).toBe('json json');
    expect(JSON.parse(row.calculation)).toEqual(JSON.parse(JSON.stringify(stored[i]!.calculation)));
    expect(JSON.parse(row.inputs)).toEqual(JSON.parse(JSON.stringify(stored[i]!.input)));
  }
  // The part month is carried as such: fewer days employed than the month has.
  const partMonth = JSON.parse(rows.rows[1]!.carry) as { daysEmployed: number; daysInMonth: number };
  expect(partMonth.daysEmployed).toBeLessThan(partMonth.daysInMonth);
}, 120_000);
