import { onMember, todayInNetherlands } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { enrolmentsOfMember, visibleEnrolments } from '../data/enrolments';
import { available } from '../domain/budget';
import { dutchYearOf } from '../domain/session';
import type { Course, LearningPath } from '../generated/prisma/client';
import { pathProgressOf, skillsPassportOf, visibleCertificates } from '../services/passport';
import { CourseObject, LearningPathObject } from './catalogue';
import './certificates';
import { EmployeeRef, MemberRef, money } from './references';

/*
 * Federation: hr-payroll's Employee gains enrolments, certificates and a skills passport; the
 * members directory's Member gains its enrolments and training budget. The employee sees their
 * own, member HR its member's, the Academy's administrators everyone's; anyone else sees none.
 */

const BudgetRef = builder
  .objectRef<{ memberId: string; year: number; granted: string; reserved: string; spent: string }>('TrainingBudget')
  .implement({
    description: "A member's yearly training budget from the sector's social fund, in euros.",
    fields: (t) => ({
      year: t.exposeInt('year'),
      granted: t.field({ type: 'Decimal', resolve: (b) => b.granted }),
      reserved: t.field({
        type: 'Decimal',
        description: 'Held for enrolments not yet completed.',
        resolve: (b) => b.reserved,
      }),
      spent: t.field({ type: 'Decimal', description: 'Spent on completed courses.', resolve: (b) => b.spent }),
      available: t.field({
        type: 'Decimal',
        description: 'Granted − reserved − spent.',
        resolve: (b) => available(b),
      }),
    }),
  });

const PassportSkillRef = builder
  .objectRef<{ code: string; name: string; status: string; since: Date; validUntil: Date | null; courses: string[] }>(
    'PassportSkill',
  )
  .implement({
    description: "A skill in an employee's skills passport.",
    fields: (t) => ({
      code: t.exposeString('code'),
      name: t.exposeString('name'),
      status: t.exposeString('status', { description: 'HELD, or LAPSED when its certificate expired.' }),
      since: t.expose('since', { type: 'Date' }),
      validUntil: t.expose('validUntil', { type: 'Date', nullable: true }),
      courses: t.exposeStringList('courses', { description: 'Codes of the courses it comes from.' }),
    }),
  });

MemberRef.implement({
  externalFields: () => ({}),
  fields: (t) => ({
    id: t.exposeID('id'),
    enrolments: t.prismaConnection({
      nullable: true,
      type: 'Enrolment',
      cursor: 'id',
      maxSize: 100,
      description: "This member's enrolments, newest first (its HR and the Academy's administrators).",
      ...onMember((memberId) => ({ seesTrainingOf: memberId }), enrolmentsOfMember),
    }),
    trainingBudget: t.field({
      type: BudgetRef,
      nullable: true,
      description: "The member's training budget of a year (default: this year); null when none was granted.",
      args: { year: t.arg.int() },
      authScopes: (member) => ({ seesTrainingOf: member.id }),
      resolve: async (member, { year }, ctx) => {
        const y = year ?? dutchYearOf(new Date());
        const row = await ctx.db.trainingBudget.findUnique({
          where: { memberId_year: { memberId: member.id, year: y } },
        });
        return (
          row && {
            memberId: member.id,
            year: y,
            granted: money(row.granted),
            reserved: money(row.reserved),
            spent: money(row.spent),
          }
        );
      },
    }),
  }),
});

type StepProgress = { position: number; required: boolean; state: string; course: Course };

const StepProgressRef = builder.objectRef<StepProgress>('LearningPathStepProgress').implement({
  fields: (t) => ({
    position: t.exposeInt('position'),
    required: t.exposeBoolean('required'),
    course: t.field({ type: CourseObject, resolve: (s) => s.course }),
    state: t.exposeString('state', {
      description:
        'DONE (a valid completion), EXPIRED (its certificate lapsed), IN_PROGRESS (requested, waitlisted or enrolled) or TODO.',
    }),
  }),
});

const PathProgressRef = builder
  .objectRef<{
    path: LearningPath;
    steps: StepProgress[];
    requiredDone: number;
    requiredTotal: number;
    percent: number;
    next: StepProgress | null;
    complete: boolean;
    completedOn: Date | null;
  }>('LearningPathProgress')
  .implement({
    description: "An employee's progress on a learning path.",
    fields: (t) => ({
      path: t.field({ type: LearningPathObject, resolve: (p) => p.path }),
      steps: t.field({ type: [StepProgressRef], resolve: (p) => p.steps }),
      requiredDone: t.exposeInt('requiredDone'),
      requiredTotal: t.exposeInt('requiredTotal'),
      percent: t.exposeInt('percent', {
        description: 'Required steps done, in whole percent, rounded down: 100 only when complete.',
      }),
      next: t.field({
        type: StepProgressRef,
        nullable: true,
        description: 'The first required step not done.',
        resolve: (p) => p.next,
      }),
      complete: t.exposeBoolean('complete'),
      completedOn: t.expose('completedOn', { type: 'Date', nullable: true }),
    }),
  });

EmployeeRef.implement({
  externalFields: () => ({}),
  fields: (t) => ({
    id: t.exposeID('id'),
    enrolments: t.prismaConnection({
      nullable: true,
      type: 'Enrolment',
      cursor: 'id',
      maxSize: 100,
      description: "This employee's enrolments the caller may see, newest first.",
      totalCount: (employee, _args, ctx) =>
        ctx.db.enrolment.count({ where: { employeeId: employee.id, ...visibleEnrolments(ctx.identity) } }),
      resolve: (query, employee, _args, ctx) =>
        ctx.db.enrolment.findMany({
          ...query,
          where: { employeeId: employee.id, ...visibleEnrolments(ctx.identity) },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    }),
    certificates: t.prismaConnection({
      nullable: true,
      type: 'Certificate',
      cursor: 'id',
      maxSize: 100,
      description: "This employee's certificates the caller may see, newest first.",
      totalCount: (employee, _args, ctx) =>
        ctx.db.certificate.count({ where: { employeeId: employee.id, ...visibleCertificates(ctx.identity) } }),
      resolve: (query, employee, _args, ctx) =>
        ctx.db.certificate.findMany({
          ...query,
          where: { employeeId: employee.id, ...visibleCertificates(ctx.identity) },
          orderBy: [{ issuedOn: 'desc' }, { id: 'desc' }],
        }),
    }),
    skills: t.field({
      nullable: true,
      type: [PassportSkillRef],
      description:
        'The skills passport: skills of completed courses, by name (at most one per skill of the catalogue).',
      args: { on: t.arg({ type: 'Date', description: 'Default: today.' }) },
      resolve: (employee, { on }, ctx) => skillsPassportOf(ctx, employee.id, on ?? todayInNetherlands()),
    }),
    learningPaths: t.field({
      nullable: true,
      type: [PathProgressRef],
      description:
        'Progress on every learning path on offer (at most 100), by code, from what the caller may see of this employee.',
      args: { on: t.arg({ type: 'Date', description: 'Default: today.' }) },
      resolve: (employee, { on }, ctx) => pathProgressOf(ctx, employee.id, on ?? todayInNetherlands()),
    }),
  }),
});
