import { byIdWithInput, maxItems, withInput } from '@samen-sterk/subgraph-runtime';
import { builder } from '../builder';
import { createDraft, deleteDraft, publishVersion, updateDraft } from '../services/drafts';
import { applyGeneralIncrease, setWageCells } from '../services/salary-table';
import { CaoVersionRef } from './version';

// The CAO team's changes to the agreement: each field is the team's only (`maintainsCao`) and
// one call of a use case in services/ (drafts.ts, salary-table.ts).

const CreateDraftInput = builder.inputType('CreateCaoDraftInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'e.g. "CAO Kringloop Nederland 2025".' }),
    basedOnVersionId: t.id({ required: false, description: 'The version to copy; default the one in force today.' }),
  }),
});

const UpdateDraftInput = builder.inputType('UpdateCaoDraftInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    name: t.string({ required: false }),
    parties: t.stringList({ required: false, extensions: maxItems(20) }),
    fullTimeHoursPerWeek: t.field({ type: 'Decimal', required: false }),
    weeksPerYear: t.field({ type: 'Decimal', required: false }),
    holidayAllowancePercent: t.field({ type: 'Decimal', required: false }),
    holidayAllowanceAccrualStartMonth: t.int({ required: false }),
    holidayAllowancePaymentMonth: t.int({ required: false }),
    leaveHoursStatutory: t.field({ type: 'Decimal', required: false }),
    leaveHoursExtra: t.field({ type: 'Decimal', required: false }),
    overtimeRule: t.string({ required: false }),
    periodicIncreaseRule: t.string({ required: false }),
  }),
});

const GeneralIncreaseInput = builder.inputType('GeneralIncreaseInput', {
  fields: (t) => ({
    percent: t.field({ type: 'Decimal', required: true, description: 'e.g. "3.5" for 3.5 %.' }),
    scales: t.intList({ required: false, description: 'The scales to raise; default all.', extensions: maxItems(100) }),
  }),
});

const WageCellInput = builder.inputType('WageCellInput', {
  fields: (t) => ({
    scale: t.int({ required: true }),
    step: t.int({ required: true }),
    monthlyFullTime: t.field({
      type: 'Decimal',
      required: false,
      description: 'The new amount; omit (null) to remove the cell.',
    }),
  }),
});

const PublishInput = builder.inputType('PublishCaoVersionInput', {
  fields: (t) => ({
    effectiveFrom: t.field({ type: 'Date', required: true }),
    effectiveTo: t.field({ type: 'Date', required: false, description: 'Last day, if the agreement has an end date.' }),
  }),
});

/** What every change to a version shares: the CAO team's only, answered with the version as it is now. */
const versionChange = { type: CaoVersionRef, authScopes: { maintainsCao: true } };

builder.mutationFields((t) => ({
  createCaoDraft: t.prismaField({
    ...versionChange,
    description: 'Starts a draft: a copy of a version (default: the one in force today), terms and table (CAO team).',
    ...withInput(t, CreateDraftInput, createDraft),
  }),
  updateCaoDraft: t.prismaField({
    ...versionChange,
    description: "Changes a draft's name, parties or terms (CAO team).",
    ...byIdWithInput(t, UpdateDraftInput, updateDraft),
  }),
  applyGeneralIncrease: t.prismaField({
    ...versionChange,
    description:
      'Raises every cell of a draft (or of the scales given) by a percentage. Rounding: each new amount is old × (1 + percent / 100), rounded half up to the cent, cell by cell (CAO team).',
    ...byIdWithInput(t, GeneralIncreaseInput, applyGeneralIncrease),
  }),
  setWageCells: t.prismaField({
    ...versionChange,
    description: "Sets, adds or removes cells of a draft's salary table; the whole table is then checked (CAO team).",
    args: {
      id: t.arg.id({ required: true }),
      // A whole salary table: a few dozen scales of a few dozen steps.
      cells: t.arg({ type: [WageCellInput], required: true, extensions: maxItems(2000) }),
    },
    resolve: (query, _root, { id, cells }, ctx) => setWageCells(ctx, id, cells, query),
  }),
  publishCaoVersion: t.prismaField({
    ...versionChange,
    description:
      'Publishes a draft with its effective period; from then on it never changes. Periods of published versions may not overlap (CAO team).',
    ...byIdWithInput(t, PublishInput, publishVersion),
  }),
  deleteCaoDraft: t.boolean({
    authScopes: { maintainsCao: true },
    description: 'Throws a draft away (CAO team). Published versions stay for ever.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => deleteDraft(ctx, id),
  }),
}));
