import fc from 'fast-check';
import { budgetCheck, needsApproval } from '../budget';
import { price } from './fixtures';

describe('budgetCheck', () => {
  test('within the budget', () => {
    expect(
      budgetCheck({ yearlyBudget: '10000.00', spentThisYear: '9200.00', orderTotal: '800.00', overBudget: 'REFUSE' }),
    ).toEqual({ within: true, remaining: '800.00', outcome: 'OK', message: null });
  });

  test('over the budget: refused, or needs approval, with the figures in the sentence', () => {
    const over = { yearlyBudget: '10000.00', spentThisYear: '9200.00', orderTotal: '1234.00' };
    const message = "This order (€1,234.00) is more than the €800.00 left of this year's budget of €10,000.00.";
    expect(budgetCheck({ ...over, overBudget: 'REFUSE' })).toEqual({
      within: false,
      remaining: '800.00',
      outcome: 'REFUSE',
      message,
    });
    expect(budgetCheck({ ...over, overBudget: 'APPROVAL' })).toMatchObject({ outcome: 'NEEDS_APPROVAL', message });
  });

  test('a budget already overspent: remaining negative, and the sentence says it is used up', () => {
    const result = budgetCheck({
      yearlyBudget: '500.00',
      spentThisYear: '650.00',
      orderTotal: '0.01',
      overBudget: 'REFUSE',
    });
    expect(result).toMatchObject({ within: false, remaining: '-150.00', outcome: 'REFUSE' });
    expect(result.message).toBe(
      "This order (€0.01) does not fit: this year's budget of €500.00 is used up (€650.00 spent).",
    );
  });

  test('no budget: always OK', () => {
    expect(
      budgetCheck({ yearlyBudget: null, spentThisYear: '99999.00', orderTotal: '1.00', overBudget: 'REFUSE' }),
    ).toEqual({
      within: true,
      remaining: null,
      outcome: 'OK',
      message: null,
    });
  });

  test('refuses a negative or malformed amount', () => {
    expect(() =>
      budgetCheck({ yearlyBudget: '-1', spentThisYear: '0', orderTotal: '1', overBudget: 'REFUSE' }),
    ).toThrow(expect.objectContaining({ field: 'yearlyBudget' }));
    expect(() =>
      budgetCheck({ yearlyBudget: null, spentThisYear: '1,00', orderTotal: '1', overBudget: 'REFUSE' }),
    ).toThrow(expect.objectContaining({ field: 'spentThisYear', reason: 'INVALID_AMOUNT' }));
  });

  test('property: an order of exactly what is left fits; one cent more does not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (budgetCents, spentCents) => {
          const left = budgetCents - spentCents;
          fc.pre(left >= 0);
          const text = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
          const at = {
            yearlyBudget: text(budgetCents),
            spentThisYear: text(spentCents),
            overBudget: 'REFUSE' as const,
          };
          expect(budgetCheck({ ...at, orderTotal: text(left) }).within).toBe(true);
          expect(budgetCheck({ ...at, orderTotal: text(left + 1) }).within).toBe(false);
        },
      ),
    );
  });
});

describe('needsApproval', () => {
  test('strictly above the threshold', () => {
    expect(needsApproval('500.00', '500.00')).toBe(false);
    expect(needsApproval('500.01', '500')).toBe(true);
    expect(needsApproval('0.00', '0.00')).toBe(false);
  });

  test('property: of two different amounts exactly one is above the other; equal amounts need none', () => {
    fc.assert(
      fc.property(price(), price(), (a, b) => {
        const both = [needsApproval(a, b), needsApproval(b, a)];
        expect(both.filter(Boolean)).toHaveLength(a === b ? 0 : 1);
      }),
    );
  });
});
