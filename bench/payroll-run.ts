// `pnpm bench:payroll [employees…]`: one member's monthly payroll run for many employees,
// calculated and stored through the gateway, on PGlite (default) or PostgreSQL (when
// *_DATABASE_URL are set). Prints time and peak memory per size, and where the time went: the
// CAO wage look-up, the calculation, storing the payslips, and the rest (reading employments and
// history, GraphQL), and this process's CPU time (and its main thread's); asserts nothing. Each
// size runs March (the member's first month here) and then April after March is approved, which
// reads every employee's history from March's payslips (`BENCH_PAYROLL_MONTHS`: the months, `3`
// for March alone, `3,12` for December after nine settled months, March to November). Default
// sizes: 20,000 (the whole sector) and 200,000.
// On PostgreSQL, `BENCH_PAYROLL_STORAGE=copy,insert` runs each size once with COPY and once with the
// multi-row INSERT (HR_PAYROLL_PAYSLIP_STORAGE), in that order; default: copy (what runs use).
import { seedId } from '@samen-sterk/members';
import { signDevelopmentToken } from '@samen-sterk/subgraph-runtime';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { PAYROLL_PHASE_CHANNEL, type PayrollPhaseTiming } from '../subgraphs/hr-payroll/src/services/phases';
import { stopCalculationThreads } from '../subgraphs/hr-payroll/src/services/calculation-threads';
import { startPlatform } from '@samen-sterk/platform';
import fs from 'node:fs';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [20_000, 200_000];
const STORAGES = (process.env.BENCH_PAYROLL_STORAGE ?? 'copy').split(',').filter(Boolean);
// The months run, in order (`BENCH_PAYROLL_MONTHS`, default `3,4`): the first has no history;
// each later one runs after the one before is approved. Months skipped between two are settled
// as copies of the earlier one's payslips (the history a late month reads: `3,12` times December
// after nine, March to November); `3` times March alone.
const monthName = (month: number) =>
  new Date(Date.UTC(2026, month - 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
const MONTHS = (process.env.BENCH_PAYROLL_MONTHS ?? '3,4').split(',').map(Number);
if (MONTHS.some((m, i) => !Number.isInteger(m) || m < 1 || m > 12 || (i > 0 && m <= MONTHS[i - 1]!))) {
  throw new Error(
    `BENCH_PAYROLL_MONTHS takes months 1–12 in increasing order, not "${process.env.BENCH_PAYROLL_MONTHS}".`,
  );
}
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/**
 * CPU seconds used by the PostgreSQL server that holds hr-payroll's database, when it runs on this
 * machine (Linux; null otherwise): its postmaster (found by the URL's port on its command line)
 * with what it collected of children that ended, plus its live children. Sampled before and
 * after the run, the difference is the server's share of it.
 */
function postgresCpuSeconds(): number | null {
  const url = process.env.HR_PAYROLL_DATABASE_URL;
  if (!url || !fs.existsSync('/proc/self/stat')) return null;
  const port = new URL(url).port || '5432';
  const ticks = 100; // USER_HZ on Linux
  const processes = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        // After the command in parentheses: state, ppid, …; utime, stime, cutime, cstime are 14–17.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
        return [{ pid, ppid: fields[1], cmdline, own: utime! + stime!, children: cutime! + cstime! }];
      } catch {
        return []; // ended meanwhile, or not ours to read
      }
    });
  const postmaster = processes.find(
    (p) => p.cmdline[0]?.endsWith('postgres') && p.cmdline.some((arg, i) => arg === port && p.cmdline[i - 1] === '-p'),
  );
  if (!postmaster) return null;
  const live = processes.filter((p) => p.ppid === postmaster.pid).reduce((a, p) => a + p.own, 0);
  return (postmaster.own + postmaster.children + live) / ticks;
}

/**
 * CPU seconds of this process's main thread (the services' own, where the run reads, builds the
 * inputs and streams the rows), on Linux; null elsewhere. The rest of the process's CPU is the
 * calculation threads' and V8's own threads' (its compiler and garbage collector).
 */
function mainThreadCpuSeconds(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ
  } catch {
    return null;
  }
}

async function main() {
  const usesPostgres = !!process.env.HR_PAYROLL_DATABASE_URL;
  for (const size of SIZES) {
    for (const storage of usesPostgres ? STORAGES : ['insert']) await runOnce(size, storage, usesPostgres);
  }
}

async function runOnce(size: number, storage: string, usesPostgres: boolean) {
  process.env.HR_PAYROLL_PAYSLIP_STORAGE = storage;
  {
    const memory = { kind: 'pglite' as const, dataDir: null };
    const platform = await startPlatform({
      location: () => (usesPostgres ? undefined : memory),
      port: () => 0,
      seed: true,
    });
    const hr = platform.subgraphs['hr-payroll']!.database.prisma as any;
    const memberId = seedId('member', 62);
    // Fresh bench data for a member without demo employees.
    await hr.payslip.deleteMany({ where: { memberId } });
    await hr.payrollRun.deleteMany({ where: { memberId } });
    await hr.employment.deleteMany({ where: { memberId } });
    await hr.employee.deleteMany({ where: { memberId } });
    await hr.memberPayrollSettings.upsert({
      where: { memberId },
      create: { memberId, pensionEmployeePercent: '7.50', pensionEmployerPercent: '10.50' },
      update: {},
    });
    const loadStart = performance.now();
    // Generated by the database (the same employees as hiring them one by one would give): no
    // garbage of the loading in this process's heap when the run starts.
    const bench = (k: string) => `'60000000-0000-4000-8000-' || lpad(${k}::text, 12, '0')`;
    await hr.$executeRawUnsafe(
      `INSERT INTO employee (id, member_id, first_name, last_name, birth_date, bsn, iban, street, house_number,
         postcode, city, updated_at)
       SELECT ${bench('k')}, $1, 'Bench', 'Employee ' || k, make_date(1970 + k % 40, k % 12 + 1, 1 + k % 28),
         (100000000 + k)::text, 'NL91ABNA0417164300', 'Industrieweg', (1 + k % 200)::text, '8000 AA', 'Zwolle', now()
       FROM generate_series(0, $2::int - 1) AS k`,
      memberId,
      size,
    );
    // Steps applied on time up to March 2026 (the last anniversary of the start), one in twenty a year behind.
    await hr.$executeRawUnsafe(
      `INSERT INTO employment (id, employee_id, member_id, start_date, contract_type, function_title, cao_scale,
         cao_step, step_since, hours_per_week, apply_tax_credit, updated_at)
       SELECT gen_random_uuid()::text, ${bench('k')}, $1, make_date(2020, k % 12 + 1, 1),
         (CASE WHEN k % 4 = 0 THEN 'FIXED_TERM' ELSE 'PERMANENT' END)::"ContractType", 'Winkelmedewerker',
         2 + k % 6, k % 5,
         make_date(CASE WHEN k % 12 <= 2 THEN 2026 ELSE 2025 END - CASE WHEN k % 20 = 0 THEN 1 ELSE 0 END, k % 12 + 1, 1),
         (ARRAY[24, 32, 38])[k % 3 + 1], true, now()
       FROM generate_series(0, $2::int - 1) AS k`,
      memberId,
      size,
    );
    // Statistics, as a database in use has them (autovacuum analyses within a minute of a load):
    // without, PostgreSQL plans each page's read as if the member had a handful of employments.
    await hr.$executeRawUnsafe('ANALYZE employee, employment');
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const token = await signDevelopmentToken({
      sub: 'bench',
      roles: ['payroll-service'],
      payrollMemberIds: [memberId],
    });
    // March: the run's first month here; April: the month after an approved March, which reads
    // each employee's year to date and holiday allowance from March's payslips (as every month of
    // a real payroll does but the first).
    let last: number | null = null;
    for (const month of MONTHS) {
      if (last !== null) {
        await hr.$executeRawUnsafe(
          `UPDATE payroll_run SET status = 'APPROVED', approved_by = 'bench', approved_at = now()
            WHERE member_id = $1 AND year = 2026 AND month = $2`,
          memberId,
          last,
        );
        // The months between, settled as copies of the last one's payslips.
        await hr.$executeRawUnsafe(
          `WITH runs AS (
             INSERT INTO payroll_run (id, member_id, year, month, status, calculated_by, calculated_at, approved_by,
               approved_at, updated_at)
             SELECT gen_random_uuid()::text, $1, 2026, m, 'APPROVED', 'bench', now(), 'bench', now(), now()
             FROM generate_series($2::int + 1, $3::int - 1) AS m
             RETURNING id)
           INSERT INTO payslip (id, run_id, member_id, employee_id, employment_id, cao_version_id, cao_version_name,
             gross, taxable_wage, wage_tax, net, employer_costs, inputs, calculation, carry_over, compliant)
           SELECT gen_random_uuid()::text, runs.id, p.member_id, p.employee_id, p.employment_id, p.cao_version_id,
             p.cao_version_name, p.gross, p.taxable_wage, p.wage_tax, p.net, p.employer_costs, p.inputs,
             p.calculation, p.carry_over, p.compliant
           FROM runs, payslip p
           WHERE p.run_id = (SELECT id FROM payroll_run WHERE member_id = $1 AND year = 2026 AND month = $2)`,
          memberId,
          last,
          month,
        );
        // As a month later: autovacuum has long vacuumed and analysed the payslips just stored
        // (PostgreSQL 13 on vacuums a table after inserts too; unvacuumed, the next run's reads
        // of the history first set each row's hint bits and write the page again), and the
        // calculation threads ended after a minute without work (the run starts them again).
        await hr.$executeRawUnsafe('VACUUM ANALYZE payslip, payroll_run');
        await stopCalculationThreads();
      }
      await timedRun(
        platform.gateway.url,
        token,
        memberId,
        month,
        MONTHS[0]!,
        usesPostgres,
        storage,
        size,
        loadSeconds,
      );
      last = month;
    }
    await platform.stop();
  }
}

/** One timed `calculatePayrollRun` of the bench member's month, printed with where the time went. */
async function timedRun(
  gatewayUrl: string,
  token: string,
  memberId: string,
  month: number,
  firstMonth: number,
  usesPostgres: boolean,
  storage: string,
  size: number,
  loadSeconds: number,
) {
  const phases = new Map<string, number>();
  const onPhase = (message: unknown) => {
    const { phase, milliseconds } = message as PayrollPhaseTiming;
    phases.set(phase, (phases.get(phase) ?? 0) + milliseconds);
  };
  subscribe(PAYROLL_PHASE_CHANNEL, onPhase);
  // The run's own growth: the heap sampled against what it held before (GC'd first, where exposed).
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  let peak = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 50);
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpuSeconds();
  const serverBefore = postgresCpuSeconds();
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `mutation { calculatePayrollRun(memberId: "${memberId}", year: 2026, month: ${month}) { status payslips(first: 1) { totalCount } signals(first: 1) { totalCount } } }`,
    }),
  });
  const body = (await response.json()) as any;
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const mainAfter = mainThreadCpuSeconds();
  const serverAfter = postgresCpuSeconds();
  clearInterval(sampler);
  unsubscribe(PAYROLL_PHASE_CHANNEL, onPhase);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const count = body.data.calculatePayrollRun.payslips.totalCount;
  console.log(
    `${usesPostgres ? `PostgreSQL (${storage.toUpperCase()})` : 'PGlite'}, ${monthName(month)} (${month === firstMonth ? 'first month' : `history from ${month - firstMonth} settled month${month - firstMonth > 1 ? 's' : ''}`}): ${count.toLocaleString('en')} payslips calculated and stored in ${seconds.toFixed(1)} s ` +
      `(${((seconds * 1000) / count).toFixed(2)} ms each); peak RSS ${mib(peak)} (whole platform in one process; ${mib(before.rss)} before the run), ` +
      `heap used at most ${mib(peakHeap)} (${mib(before.heapUsed)} before: the run's growth ${mib(peakHeap - before.heapUsed)}); ` +
      `loading ${size.toLocaleString('en')} employees took ${loadSeconds.toFixed(1)} s; ` +
      `${body.data.calculatePayrollRun.signals.totalCount.toLocaleString('en')} signals (one in twenty a step behind)`,
  );
  const part = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const phase = (name: string) => part(phases.get(name) ?? 0);
  // The second pass reads, calculates (in worker threads) and stores at once: its parts overlap.
  console.log(
    `  first pass ${phase('first-pass')} (CAO look-up ${phase('cao-lookup')}); second pass ${phase('second-pass')}: ` +
      `reading ${phase('reading')}, calculation ${phase('calculation')} and storage ${phase('storage')} overlapping ` +
      `(the run waited for storage ${phase('storage-wait')}; calculation threads: ${process.env.HR_PAYROLL_CALCULATION_THREADS ?? 'default'}); ` +
      `${Math.round(count / seconds).toLocaleString('en')} payslips a second; ` +
      `CPU of this process ${part((cpu.user + cpu.system) / 1000)} ` +
      `(all its threads${mainBefore !== null && mainAfter !== null ? `, its main thread ${(mainAfter - mainBefore).toFixed(1)} s` : ''}; ` +
      `${usesPostgres ? "the PostgreSQL server's not included" : 'PGlite runs in it'})` +
      (usesPostgres && serverBefore !== null && serverAfter !== null
        ? `; CPU of the PostgreSQL server ${(serverAfter - serverBefore).toFixed(1)} s`
        : ''),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
