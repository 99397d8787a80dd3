import { maxItems } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { MAX_SKILLS_PER_COURSE } from '../domain/checks';
import { MAX_WORK_PROCESSES_PER_COURSE } from '../domain/course';
import { MAX_PATH_STEPS } from '../domain/learning-path';
import { MAX_RULE_COURSES } from '../domain/prerequisites';
import { createCourse, createSkill, updateCourse } from '../services/courses-admin';
import { createLearningPath, updateLearningPath } from '../services/paths-admin';
import { cancelSession, changeSession } from '../services/sessions';
import { LevelEnum, ModeEnum, SkillRef } from './catalogue';

/*
 * The catalogue's upkeep, for the Academy's administrators: skills, courses with their
 * prerequisite rules, learning paths, and changes to sessions before they start.
 */

type RuleShape = { course?: string | null; allOf?: RuleShape[] | null; anyOf?: RuleShape[] | null };

const RuleInput = builder.inputRef<RuleShape>('PrerequisiteRuleInput').implement({
  description:
    'Exactly one of: a course code, all of some rules, any of some rules. Nested at most three groups deep, at most 20 courses in all.',
  fields: (t) => ({
    course: t.string({ description: 'A course code, such as VT-101.' }),
    allOf: t.field({ type: [RuleInput], extensions: maxItems(MAX_RULE_COURSES) }),
    anyOf: t.field({ type: [RuleInput], extensions: maxItems(MAX_RULE_COURSES) }),
  }),
});

const WorkProcessInput = builder.inputType('WorkProcessInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'As in the qualification file: B1-K1-W2.' }),
    title: t.string({ required: true }),
  }),
});

type InputFields = PothosSchemaTypes.InputFieldBuilder<typeof builder.$inferSchemaTypes, 'InputObject'>;

/** A course's fields, required when it is created, each optional in a change. */
const courseFields = (required: boolean) => (t: InputFields) => ({
  title: t.string({ required, description: '3–120 characters.' }),
  description: t.string({ required, description: 'Up to 4,000 characters.' }),
  studyLoadHours: t.field({ type: 'Decimal', required, description: '0.5 to 1680, in quarter hours: "7.5".' }),
  level: t.field({ type: LevelEnum, required }),
  language: t.string({ required, description: 'nl-NL, en-GB, ar, tr, pl or uk.' }),
  modeOfDelivery: t.field({ type: ModeEnum, required }),
  price: t.field({ type: 'Decimal', required, description: 'In euros and cents, €0.00 to €10,000.00: "195.00".' }),
  fundable: t.boolean({ required, description: "Whether the sector's social fund pays (training budget)." }),
  renewalMonths: t.int({ description: 'Months a certificate stays valid (1–120); none: it does not expire.' }),
  skills: t.stringList({
    required,
    description: 'Skill codes (createSkill), at most 20.',
    extensions: maxItems(MAX_SKILLS_PER_COURSE),
  }),
  workProcesses: t.field({
    type: [WorkProcessInput],
    description: 'For a praktijkverklaring, at most 20.',
    extensions: maxItems(MAX_WORK_PROCESSES_PER_COURSE),
  }),
  prerequisites: t.field({ type: RuleInput, description: 'None: anyone may enrol.' }),
});

const CreateCourseInput = builder.inputType('CreateCourseInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'Two to six capitals or digits, a hyphen, three digits: VT-101.' }),
    ...courseFields(true)(t),
  }),
});

const UpdateCourseInput = builder.inputType('UpdateCourseInput', {
  description:
    'What changes; a field left out stays. renewalMonths or prerequisites given as null remove them. The code never changes.',
  fields: (t) => ({
    ...courseFields(false)(t),
    active: t.boolean({
      description:
        'false retires the course: refused while it is a step of a learning path or a session to come has people; its empty sessions to come are cancelled.',
    }),
  }),
});

const StepInput = builder.inputType('LearningPathStepInput', {
  fields: (t) => ({
    position: t.int({ required: true, description: 'Steps are numbered 1…n.' }),
    courseCode: t.string({ required: true }),
    required: t.boolean({ required: true }),
  }),
});

const CreatePathInput = builder.inputType('CreateLearningPathInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'LL- and 2–20 capitals, digits or hyphens: LL-WINKEL.' }),
    title: t.string({ required: true }),
    description: t.string({ required: true }),
    steps: t.field({
      type: [StepInput],
      required: true,
      description: '1 to 30.',
      extensions: maxItems(MAX_PATH_STEPS),
    }),
  }),
});

const UpdatePathInput = builder.inputType('UpdateLearningPathInput', {
  fields: (t) => ({
    title: t.string(),
    description: t.string(),
    steps: t.field({ type: [StepInput], description: 'Replaces every step.', extensions: maxItems(MAX_PATH_STEPS) }),
    active: t.boolean({ description: 'false takes the path out of the catalogue.' }),
  }),
});

const ChangeSessionInput = builder.inputType('ChangeCourseSessionInput', {
  fields: (t) => ({
    capacity: t.int({ description: 'Never below those enrolled; more seats go to the waitlist at once.' }),
    trainerId: t.id({ description: 'The user (sub) who teaches it.' }),
  }),
});

builder.mutationFields((t) => ({
  createSkill: t.field({
    type: SkillRef,
    description: 'Adds a skill courses can teach.',
    args: {
      input: t.arg({
        type: builder.inputType('CreateSkillInput', {
          fields: (f) => ({
            code: f.string({ required: true, description: 'Lower-case words joined by hyphens: safe-lifting.' }),
            name: f.string({ required: true }),
          }),
        }),
        required: true,
      }),
    },
    authScopes: { managesAcademy: true },
    resolve: (_root, { input }, ctx) => createSkill(ctx, input),
  }),
  createCourse: t.prismaField({
    type: 'Course',
    description: 'Adds a course to the catalogue.',
    args: { input: t.arg({ type: CreateCourseInput, required: true }) },
    authScopes: { managesAcademy: true },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await createCourse(ctx, input);
      return ctx.db.course.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateCourse: t.prismaField({
    type: 'Course',
    description: 'Changes a course. Enrolments keep the price they reserved; certificates what they were issued with.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateCourseInput, required: true }) },
    authScopes: { managesAcademy: true },
    resolve: async (query, _root, { id, input }, ctx) => {
      await updateCourse(ctx, id, input);
      return ctx.db.course.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  createLearningPath: t.prismaField({
    type: 'LearningPath',
    args: { input: t.arg({ type: CreatePathInput, required: true }) },
    authScopes: { managesAcademy: true },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await createLearningPath(ctx, input);
      return ctx.db.learningPath.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateLearningPath: t.prismaField({
    type: 'LearningPath',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdatePathInput, required: true }) },
    authScopes: { managesAcademy: true },
    resolve: async (query, _root, { id, input }, ctx) => {
      await updateLearningPath(ctx, id, input);
      return ctx.db.learningPath.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  changeCourseSession: t.prismaField({
    type: 'CourseSession',
    description: 'Changes the seats or the trainer of a session that has not started.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: ChangeSessionInput, required: true }) },
    authScopes: { managesAcademy: true },
    resolve: async (query, _root, { id, input }, ctx) => {
      await changeSession(ctx, { id, ...input });
      return ctx.db.courseSession.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  cancelCourseSession: t.prismaField({
    type: 'CourseSession',
    description:
      'Cancels a session that has not started: everyone enrolled, waiting or asking is cancelled and their reservations released.',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    authScopes: { managesAcademy: true },
    resolve: async (query, _root, { id, reason }, ctx) => {
      await cancelSession(ctx, { id, reason });
      return ctx.db.courseSession.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
