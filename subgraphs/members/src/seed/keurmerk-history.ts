/**
 * Keurmerk histories: when a member joined, its audits since the run-in ended (or since 2012),
 * and the rows for them. The rules (audit interval, run-in, status after an audit) are those of
 * domain/keurmerk.ts; this file only decides when the audits happened.
 */
import { addMonths, addYears } from '@samen-sterk/subgraph-runtime';
import { afterAudit, AUDIT_INTERVAL_MONTHS, nextAuditDue, RUN_IN_YEARS, runInEndsOn } from '../domain/keurmerk';
import { AuditOutcome, KeurmerkStatus } from '../generated/prisma/client';
import { addDays, calendarDate, dateBetween, daysBetween, maxDate, minDate } from './dates';
import { demoId } from '@samen-sterk/subgraph-runtime/pure';
import { AUDITORS } from './names';
import type { MemberPlan } from './plan';
import { int, pick, stream, type Rng } from './random';
import type { SeedAudit } from './rows';
import { PLATFORM_ADMIN_ID } from './users';

/** The seeded audit history goes back no further than this. */
const AUDIT_HISTORY_START = calendarDate('2012-01-01');
const FIRST_MEMBER_SINCE = calendarDate('1995-01-01');

interface KeurmerkState {
  keurmerkStatus: KeurmerkStatus;
  certifiedOn: Date | null;
  lastAuditOn: Date | null;
  nextAuditDue: Date | null;
}

export interface KeurmerkHistory extends KeurmerkState {
  memberSince: Date;
  /** Oldest first; `first` marks the member's first certification ever. */
  audits: { auditedOn: Date; outcome: AuditOutcome; first: boolean }[];
}

const IN_RUN_IN: KeurmerkState = {
  keurmerkStatus: KeurmerkStatus.RUN_IN,
  certifiedOn: null,
  lastAuditOn: null,
  nextAuditDue: null,
};

function memberSinceFor(plan: MemberPlan, today: Date, rng: Rng): Date {
  if (plan.stage === 'candidate') return addDays(today, -int(rng, 14, 200));
  if (plan.stage === 'newcomer') return addDays(today, -int(rng, 45, 1050));
  // Established members joined before their run-in could have ended by today.
  const latest = addDays(addYears(today, -RUN_IN_YEARS), -30);
  const upper =
    plan.tier === 'chain'
      ? calendarDate('2004-12-31')
      : plan.tier === 'mid' || plan.keurmerk !== 'current'
        ? calendarDate('2012-12-31')
        : calendarDate('2021-12-31');
  const to = minDate(upper, latest);
  return dateBetween(rng, minDate(FIRST_MEMBER_SINCE, to), to);
}

/**
 * The audit before one on `date`: eighteen months earlier, or up to six weeks less (audits
 * come a little before they are due), never so early that the one on `date` was overdue.
 */
function previousAudit(rng: Rng, date: Date): Date {
  let previous = addMonths(addDays(date, int(rng, 0, 45)), -AUDIT_INTERVAL_MONTHS);
  while (nextAuditDue(previous) < date) previous = addDays(previous, 1);
  return previous;
}

/** A member's joining date and Keurmerk history, placed so that `today` falls in it. */
export function keurmerkHistory(plan: MemberPlan, today: Date): KeurmerkHistory {
  const rng = stream('dates', plan.index);
  const memberSince = memberSinceFor(plan, today, rng);
  const runInEnds = runInEndsOn(memberSince);
  if (runInEnds > today) return { memberSince, ...IN_RUN_IN, audits: [] };
  const floor = maxDate(runInEnds, AUDIT_HISTORY_START);

  // The latest audit, and whether it was a certification ('C') or a surveillance audit ('P').
  let last: Date;
  let slot: 'C' | 'P';
  if (plan.keurmerk === 'suspended') {
    last = addDays(today, -int(rng, 20, 150));
    slot = 'P';
  } else if (plan.keurmerk === 'overdue') {
    last = addDays(addMonths(today, -AUDIT_INTERVAL_MONTHS), -int(rng, 10, 120));
    slot = 'C';
  } else {
    last = addDays(today, -int(rng, 14, 530));
    slot = rng() < 0.5 ? 'P' : 'C';
  }
  if (last < floor) {
    // Certified only recently: the latest audit was the first certification.
    last = minDate(floor, today);
    slot = 'C';
  }
  const lastOutcome =
    plan.keurmerk === 'suspended' ? AuditOutcome.FAILED : slot === 'C' ? AuditOutcome.CERTIFIED : AuditOutcome.PASSED;
  const audits: Omit<KeurmerkHistory['audits'][number], 'first'>[] = [{ auditedOn: last, outcome: lastOutcome }];

  // Back in time: a surveillance audit needs a certification before it; certification cycles
  // (surveillance + certification, three years) go back as far as the floor allows.
  let current = last;
  if (slot === 'P') {
    const certified = previousAudit(rng, current);
    if (certified >= memberSince) {
      audits.push({ auditedOn: certified, outcome: AuditOutcome.CERTIFIED });
      current = certified;
    } else {
      audits[0] = {
        auditedOn: last,
        outcome: lastOutcome === AuditOutcome.FAILED ? AuditOutcome.FAILED : AuditOutcome.CERTIFIED,
      };
    }
  }
  for (;;) {
    const surveillance = previousAudit(rng, current);
    const certification = previousAudit(rng, surveillance);
    if (certification < floor) break;
    audits.push(
      { auditedOn: surveillance, outcome: AuditOutcome.PASSED },
      { auditedOn: certification, outcome: AuditOutcome.CERTIFIED },
    );
    current = certification;
  }
  audits.reverse();
  // The history starts in 2012; an older member's earliest audit there was not its first ever.
  const oldest = audits[0]!;
  const firstEver = oldest.outcome === AuditOutcome.CERTIFIED && daysBetween(runInEnds, oldest.auditedOn) < 366;

  // Where the audits leave the member's Keurmerk, by the rules of domain/keurmerk.ts.
  const state = audits.reduce((before, audit) => afterAudit(before, audit.outcome, audit.auditedOn), IN_RUN_IN);
  return { memberSince, ...state, audits: audits.map((audit, k) => ({ ...audit, first: k === 0 && firstEver })) };
}

function auditNote(rng: Rng, outcome: AuditOutcome, first: boolean): string | null {
  switch (outcome) {
    case AuditOutcome.CERTIFIED:
      return first
        ? 'First certification after the run-in period.'
        : pick(rng, ['Recertification; certificate renewed for three years.', 'Recertification without findings.']);
    case AuditOutcome.PASSED:
      return pick(rng, [
        null,
        'Surveillance audit passed.',
        'Passed with one minor finding: safety instructions at the sorting line out of date.',
        'Passed with two minor findings: complaints log incomplete, volunteer induction not recorded.',
      ]);
    case AuditOutcome.FAILED:
      return pick(rng, [
        'Major non-conformities: no management review in the past year, complaints procedure not followed. Keurmerk suspended.',
        'Major non-conformity: electrical appliances sold without recorded safety test. Keurmerk suspended.',
      ]);
  }
}

/** The audit rows of a member's history, numbered on after the `before` audits of earlier members. */
export function auditRows(plan: MemberPlan, memberId: string, history: KeurmerkHistory, before: number): SeedAudit[] {
  const rng = stream('auditor', plan.index);
  const usualAuditor = pick(rng, AUDITORS);
  return history.audits.map((audit, k) => ({
    id: demoId('audit', before + k + 1),
    memberId,
    auditedOn: audit.auditedOn,
    outcome: audit.outcome,
    auditor: rng() < 0.8 ? usualAuditor : pick(rng, AUDITORS),
    notes: auditNote(rng, audit.outcome, audit.first),
    recordedBy: PLATFORM_ADMIN_ID,
  }));
}
