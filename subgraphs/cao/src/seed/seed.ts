import { parseCalendarDate, SEED_TRANSACTION } from '@samen-sterk/subgraph-runtime';
import cao2024 from '../../seed-data/cao-kringloop-2024.json';
import minimumWage from '../../seed-data/minimum-wage-nl.json';
import { BBL_PERCENT, YOUTH_PERCENT } from '../domain/minimum-wage';
import type { PrismaClient } from '../generated/prisma/client';

/** Who the seed's changes are recorded as. */
export const SEED_ACTOR = 'seed';

/** Weeks a year in this CAO's conversions: its table prints €13.27 an hour as €2,201.94 a month at 38 hours. */
const WEEKS_PER_YEAR = '52.4';

const date = (value: string) => {
  const parsed = parseCalendarDate(value);
  if (!parsed) throw new Error(`Seed data has a bad date: ${value}`);
  return parsed;
};

/** "21+" → 21: the law's brackets, 21 standing for 21 and older. */
const ageOf = (bracket: string) => Number.parseInt(bracket, 10);

/**
 * The real agreement, exactly as published: the CAO Kringloop Nederland 2024 (86 cells) and
 * the statutory minimum wage from 2024 to 2026. Nothing invented: no 2025 or 2026 table is
 * public, so none is seeded. Does nothing when versions are there already.
 */
export async function seedCao(prisma: PrismaClient): Promise<{ seeded: boolean; cells: number; rates: number }> {
  if ((await prisma.caoVersion.count()) > 0)
    return { seeded: false, cells: await prisma.wageStep.count(), rates: await prisma.minimumWageRate.count() };
  const leave = cao2024.leaveHoursPerYearFullTime;
  await prisma.$transaction(async (tx) => {
    const version = await tx.caoVersion.create({
      data: {
        name: cao2024.name,
        parties: cao2024.parties,
        status: 'PUBLISHED',
        effectiveFrom: date(cao2024.effectiveFrom),
        effectiveTo: date(cao2024.effectiveTo),
        fullTimeHoursPerWeek: String(cao2024.fullTimeHoursPerWeek),
        weeksPerYear: WEEKS_PER_YEAR,
        holidayAllowancePercent: cao2024.holidayAllowance.percent,
        holidayAllowanceAccrualStartMonth: 6, // "June-May"
        holidayAllowancePaymentMonth: cao2024.holidayAllowance.paidInMonth,
        leaveHoursStatutory: leave.statutory,
        leaveHoursExtra: leave.extra,
        overtimeRule: cao2024.overtime,
        periodicIncreaseRule: cao2024.periodicIncrease,
        createdBy: SEED_ACTOR,
        publishedBy: SEED_ACTOR,
        publishedAt: date(cao2024.effectiveFrom),
      },
    });
    for (const scale of cao2024.salaryTable.scales) {
      await tx.wageScale.create({
        data: {
          versionId: version.id,
          scale: scale.scale,
          steps: { create: scale.steps.map((s) => ({ step: s.step, monthlyFullTime: s.monthly })) },
        },
      });
    }
    for (const rate of minimumWage.rates) {
      await tx.minimumWageRate.create({
        data: {
          effectiveFrom: date(rate.effectiveFrom),
          createdBy: SEED_ACTOR,
          amounts: {
            create: Object.entries(rate.hourly).map(([bracket, hourly]) => {
              const age = ageOf(bracket);
              return { age, hourly, youthPercent: YOUTH_PERCENT[age]!, bblPercent: BBL_PERCENT[age] ?? null };
            }),
          },
        },
      });
    }
    await tx.auditLogEntry.create({
      data: {
        actorId: SEED_ACTOR,
        action: 'SEED',
        entityType: 'CaoVersion',
        entityId: version.id,
        after: { source: 'seed-data/cao-kringloop-2024.json, minimum-wage-nl.json' },
      },
    });
  }, SEED_TRANSACTION);
  return { seeded: true, cells: await prisma.wageStep.count(), rates: await prisma.minimumWageRate.count() };
}
