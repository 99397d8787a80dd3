import { builder } from '../builder';
import { grantTrainingBudget } from '../services/budgets';
import { MemberRef } from './references';

builder.mutationFields((t) => ({
  grantTrainingBudget: t.field({
    nullable: true,
    type: MemberRef,
    description:
      "Sets a member's training budget for a year from the social fund (the Academy's administrators); never below what is reserved and spent. Read it back as Member.trainingBudget.",
    args: {
      memberId: t.arg.id({ required: true }),
      year: t.arg.int({ required: true }),
      granted: t.arg({ type: 'Decimal', required: true, description: 'In euros, whole cents: "5000.00".' }),
    },
    authScopes: { managesAcademy: true },
    resolve: async (_root, { memberId, year, granted }, ctx) => {
      await grantTrainingBudget(ctx, { memberId, year, granted: granted.toString() });
      return { id: memberId };
    },
  }),
}));
