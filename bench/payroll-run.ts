// `pnpm bench:payroll [employees…]`: one member's monthly payroll run for many employees,
// calculated and stored through the gateway, on PGlite (default) or PostgreSQL (when
// *_DATABASE_URL are set). Prints time and peak memory per size, and where the time went: the
// CAO wage look-up, the calculation, storing the payslips, and the rest (reading employments and
// history, GraphQL), and this process's CPU time; asserts nothing. Default sizes: 20,000 (the whole sector) and 200,000.
// On PostgreSQL, `BENCH_PAYROLL_STORAGE=copy,insert` runs each size once with COPY and once with the
// multi-row INSERT (HR_PAYROLL_PAYSLIP_STORAGE), in that order; default: copy (what runs use).
import { seedId } from '@samen-sterk/members';
import { signDevelopmentToken } from '@samen-sterk/subgraph-runtime';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { PAYROLL_PHASE_CHANNEL, type PayrollPhaseTiming } from '../subgraphs/hr-payroll/src/services/phases';
import { startPlatform } from '@samen-sterk/platform';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [20_000, 200_000];
const STORAGES = (process.env.BENCH_PAYROLL_STORAGE ?? 'copy').split(',').filter(Boolean);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

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
    // 2,000 rows a createMany: more (over 32,767 parameters) and Prisma sends its parts at the same time on one connection.
    for (let from = 0; from < size; from += 2000) {
      const n = Math.min(2000, size - from);
      const employees = Array.from({ length: n }, (_, i) => {
        const k = from + i;
        return {
          id: `60000000-0000-4000-8000-${String(k).padStart(12, '0')}`,
          memberId,
          firstName: 'Bench',
          lastName: `Employee ${k}`,
          birthDate: new Date(Date.UTC(1970 + (k % 40), k % 12, 1 + (k % 28))),
          bsn: String(100000000 + k),
          iban: 'NL91ABNA0417164300',
          street: 'Industrieweg',
          houseNumber: String(1 + (k % 200)),
          postcode: '8000 AA',
          city: 'Zwolle',
        };
      });
      await hr.employee.createMany({ data: employees });
      await hr.employment.createMany({
        data: employees.map((e, i) => ({
          employeeId: e.id,
          memberId,
          startDate: new Date(Date.UTC(2020, (from + i) % 12, 1)),
          contractType: (from + i) % 4 === 0 ? 'FIXED_TERM' : 'PERMANENT',
          functionTitle: 'Winkelmedewerker',
          caoScale: 2 + ((from + i) % 6),
          caoStep: (from + i) % 5,
          // Steps applied on time up to March 2026 (the last anniversary of the start), one in twenty a year behind.
          stepSince: new Date(
            Date.UTC(((from + i) % 12 <= 2 ? 2026 : 2025) - ((from + i) % 20 === 0 ? 1 : 0), (from + i) % 12, 1),
          ),
          hoursPerWeek: ['24', '32', '38'][(from + i) % 3],
          applyTaxCredit: true,
        })),
      });
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const token = await signDevelopmentToken({
      sub: 'bench',
      roles: ['payroll-service'],
      payrollMemberIds: [memberId],
    });
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
    const response = await fetch(platform.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation { calculatePayrollRun(memberId: "${memberId}", year: 2026, month: 3) { status payslips(first: 1) { totalCount } signals(first: 1) { totalCount } } }`,
      }),
    });
    const body = (await response.json()) as any;
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);
    unsubscribe(PAYROLL_PHASE_CHANNEL, onPhase);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    const count = body.data.calculatePayrollRun.payslips.totalCount;
    console.log(
      `${usesPostgres ? `PostgreSQL (${storage.toUpperCase()})` : 'PGlite'}: ${count.toLocaleString('en')} payslips calculated and stored in ${seconds.toFixed(1)} s ` +
        `(${((seconds * 1000) / count).toFixed(2)} ms each); peak RSS ${mib(peak)} (whole platform in one process; ${mib(before.rss)} before the run), ` +
        `heap used at most ${mib(peakHeap)} (${mib(before.heapUsed)} before: the run's growth ${mib(peakHeap - before.heapUsed)}); ` +
        `loading ${size.toLocaleString('en')} employees took ${loadSeconds.toFixed(1)} s; ` +
        `${body.data.calculatePayrollRun.signals.totalCount.toLocaleString('en')} signals (one in twenty a step behind)`,
    );
    // Storage overlaps the next page's calculation; only the time waited for it adds to the rest.
    const measured = [...phases].reduce((a, [phase, ms]) => (phase === 'storage' ? a : a + ms), 0);
    const part = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `  CAO look-up ${part(phases.get('cao-lookup') ?? 0)}, calculation ${part(phases.get('calculation') ?? 0)}, ` +
        `storage ${part(phases.get('storage') ?? 0)} (waited for: ${part(phases.get('storage-wait') ?? 0)}), rest ${part(seconds * 1000 - measured)} ` +
        `(${Math.round(count / seconds).toLocaleString('en')} payslips a second); ` +
        `CPU of this process ${part((cpu.user + cpu.system) / 1000)} ` +
        `(all its threads; ${usesPostgres ? "the PostgreSQL server's not included" : 'PGlite runs in it'})`,
    );
    await platform.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
