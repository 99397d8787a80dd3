import { recordChange } from '@samen-sterk/subgraph-runtime';
import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import type { AcademyContext } from '../builder';
import { lockBudget } from '../data/enrolments';
import { checkGrant } from '../domain/budget';
import { idIn, wholeIn } from '../domain/checks';
import { actorIdOf } from './actors';

/**
 * The social fund's grant to a member for a year, set by the Academy's administrators: never
 * below what is already reserved and spent. The budget row is locked while it changes, as an
 * enrolment locks it.
 */
export async function grantTrainingBudget(
  ctx: AcademyContext,
  input: { memberId: string; year: number; granted: unknown },
): Promise<{ memberId: string; year: number }> {
  const memberId = idIn(input.memberId, 'memberId', 'The member');
  const year = wholeIn(input.year, 'year', 'The year', 2000, 2100);
  if (typeof input.granted !== 'string')
    throw new DomainError('INVALID_AMOUNT', 'granted', 'The training budget is an amount in euros, such as "5000.00".');
  const grantedText = input.granted;
  return ctx.db.$transaction(async (tx) => {
    await tx.trainingBudget.createMany({
      data: [{ memberId, year, granted: '0.00' }],
      skipDuplicates: true,
    });
    const budget = (await lockBudget(tx, memberId, year))!;
    const before = {
      granted: budget.granted.toFixed(2),
      reserved: budget.reserved.toFixed(2),
      spent: budget.spent.toFixed(2),
    };
    const granted = checkGrant(grantedText, before);
    await tx.trainingBudget.update({ where: { id: budget.id }, data: { granted } });
    await recordChange(tx, {
      actorId: actorIdOf(ctx),
      memberId,
      action: 'GRANT_TRAINING_BUDGET',
      entityType: 'TrainingBudget',
      entityId: budget.id,
      before: { granted: before.granted },
      after: { granted },
    });
    return { memberId, year };
  });
}
