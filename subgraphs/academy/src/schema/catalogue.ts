import { builder } from '../builder';
import { activeCourses, activePaths, courseSkillsLoader, prerequisiteCoursesLoader } from '../data/catalogue';
import { LANGUAGES, LEVELS, MODES_OF_DELIVERY } from '../domain/checks';
import type { CourseSession } from '../generated/prisma/client';
import { scheduleSession } from '../services/sessions';
import { money } from './references';

/*
 * The catalogue in the vocabulary of the Open Education API: courses (what is taught), sessions
 * (OOAPI's offerings: when, where, how many seats) and learning paths (leerlijnen). For every
 * signed-in person of the sector; sessions are scheduled by the Academy's administrators.
 */

export const LevelEnum = builder.enumType('CourseLevel', {
  description: 'NONE or the MBO level (1–4) the course is at.',
  values: LEVELS,
});
export const ModeEnum = builder.enumType('ModeOfDelivery', { values: MODES_OF_DELIVERY });
const LocationKindEnum = builder.enumType('SessionLocationKind', {
  values: ['MEMBER_SHOP', 'TRAINING_CENTRE', 'ONLINE'] as const,
});

export const SkillRef = builder.objectRef<{ code: string; name: string }>('CourseSkill').implement({
  description: 'A skill a course teaches.',
  fields: (t) => ({ code: t.exposeString('code'), name: t.exposeString('name') }),
});

/** Where a session takes place, in words: "Opleidingscentrum Noord, Zwolle", "Online", "Member shop". */
export const locationText = (s: CourseSession) =>
  s.locationKind === 'TRAINING_CENTRE'
    ? `${s.centreName}, ${s.centreCity}`
    : s.locationKind === 'ONLINE'
      ? 'Online'
      : `Member shop (branch ${s.branchId})`;

builder.prismaObject('CourseSession', {
  description: 'A session (OOAPI: offering) of a course: when, where, who teaches and how many seats.',
  fields: (t) => ({
    id: t.exposeID('id'),
    course: t.relation('course'),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    capacity: t.exposeInt('capacity'),
    seatsTaken: t.exposeInt('enrolledCount', { description: 'Enrolled now.' }),
    seatsFree: t.int({ resolve: (s) => Math.max(0, s.capacity - s.enrolledCount) }),
    location: t.string({ description: 'Where, in words.', resolve: locationText }),
    locationKind: t.field({ type: LocationKindEnum, resolve: (s) => s.locationKind }),
    memberId: t.exposeID('memberId', { nullable: true, description: 'The member whose shop hosts it.' }),
    branchId: t.exposeID('branchId', { nullable: true }),
    trainerId: t.exposeID('trainerId', { nullable: true, description: 'The user who teaches it.' }),
    enrolmentOpensAt: t.expose('enrolmentOpensAt', { type: 'DateTime', nullable: true }),
    enrolmentClosesAt: t.expose('enrolmentClosesAt', { type: 'DateTime', nullable: true }),
    cancelledAt: t.expose('cancelledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the Academy cancelled it (none: it goes ahead).',
    }),
  }),
});

export const CourseObject = builder.prismaObject('Course', {
  description: 'A course (OOAPI: course): what is taught, independent of when and where.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    studyLoadHours: t.field({ type: 'Decimal', resolve: (c) => c.studyLoadHours.toFixed(2) }),
    level: t.field({ type: LevelEnum, resolve: (c) => c.level }),
    language: t.string({
      description: `BCP 47: ${LANGUAGES.join(', ')}.`,
      resolve: (c) => c.language,
    }),
    modeOfDelivery: t.field({ type: ModeEnum, resolve: (c) => c.modeOfDelivery }),
    skills: t.field({
      type: [SkillRef],
      description: 'At most 20.',
      resolve: async (c, _args, ctx) => (await courseSkillsLoader(ctx).load(c.id)) ?? [],
    }),
    price: t.field({ type: 'Decimal', description: 'In euros.', resolve: (c) => money(c.price) }),
    fundable: t.exposeBoolean('fundable', { description: "Whether the sector's social fund pays (training budget)." }),
    renewalMonths: t.exposeInt('renewalMonths', { nullable: true }),
    prerequisites: t.prismaField({
      type: ['Course'],
      description: 'Every course its prerequisite rule names (at most 20), by code.',
      resolve: async (query, c, _args, ctx) => {
        const named = (await prerequisiteCoursesLoader(ctx).load(c.id)) ?? [];
        if (named.length === 0) return [];
        return ctx.db.course.findMany({
          ...query,
          where: { id: { in: named.map((n) => n.id) } },
          orderBy: { code: 'asc' },
        });
      },
    }),
    sessions: t.relation('sessions', {
      description: 'Its sessions to come (at most 50), soonest first.',
      query: () => ({
        where: { startsAt: { gt: new Date() }, cancelledAt: null },
        orderBy: { startsAt: 'asc' as const },
        take: 50,
      }),
    }),
  }),
});

builder.prismaObject('LearningPathStep', {
  fields: (t) => ({
    position: t.exposeInt('position'),
    required: t.exposeBoolean('required'),
    course: t.relation('course'),
  }),
});

export const LearningPathObject = builder.prismaObject('LearningPath', {
  description: 'A learning path (leerlijn): ordered steps towards a role, each one course.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    steps: t.relation('steps', {
      description: 'In order (at most 30).',
      query: { orderBy: { position: 'asc' as const } },
    }),
  }),
});

const LocationInput = builder.inputType('SessionLocationInput', {
  fields: (t) => ({
    kind: t.field({ type: LocationKindEnum, required: true }),
    memberId: t.id({ description: 'MEMBER_SHOP: the member.' }),
    branchId: t.id({ description: 'MEMBER_SHOP: its branch.' }),
    name: t.string({ description: "TRAINING_CENTRE: the centre's name." }),
    city: t.string({ description: 'TRAINING_CENTRE: its city.' }),
  }),
});

const ScheduleInput = builder.inputType('ScheduleCourseSessionInput', {
  fields: (t) => ({
    courseId: t.id({ required: true }),
    startsAt: t.field({ type: 'DateTime', required: true, description: 'In the future.' }),
    endsAt: t.field({ type: 'DateTime', required: true, description: 'After the start, at most 14 days later.' }),
    capacity: t.int({ required: true, description: '1 to 500 seats.' }),
    location: t.field({ type: LocationInput, required: true }),
    trainerId: t.id({ description: 'The user (sub) who teaches it and records its results.' }),
    enrolmentOpensAt: t.field({ type: 'DateTime', description: 'None: open from now.' }),
    enrolmentClosesAt: t.field({ type: 'DateTime', description: 'None: until the start.' }),
  }),
});

builder.queryFields((t) => ({
  courses: t.prismaConnection({
    type: 'Course',
    cursor: 'id',
    maxSize: 100,
    description: 'The catalogue, by course code.',
    totalCount: (_parent, _args, ctx) => activeCourses.count(ctx.db),
    resolve: (query, _root, _args, ctx) => activeCourses.list(ctx.db, query),
  }),
  learningPaths: t.prismaConnection({
    type: 'LearningPath',
    cursor: 'id',
    maxSize: 100,
    description: 'The learning paths (leerlijnen), by code.',
    totalCount: (_parent, _args, ctx) => activePaths.count(ctx.db),
    resolve: (query, _root, _args, ctx) => activePaths.list(ctx.db, query),
  }),
  courseSession: t.prismaField({
    type: 'CourseSession',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.courseSession.findFirst({ ...query, where: { id } }),
  }),
}));

builder.mutationFields((t) => ({
  scheduleCourseSession: t.prismaField({
    type: 'CourseSession',
    description: "Schedules a session of a course (the Academy's administrators).",
    args: { input: t.arg({ type: ScheduleInput, required: true }) },
    authScopes: { managesAcademy: true },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await scheduleSession(ctx, input);
      return ctx.db.courseSession.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
