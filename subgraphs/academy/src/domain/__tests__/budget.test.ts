import { exact } from '@samen-sterk/subgraph-runtime/pure';
import fc from 'fast-check';
import {
  applyMovement,
  available,
  budgetFrom,
  checkGrant,
  decideFunding,
  movementFor,
  type BudgetState,
} from '../budget';
import { amount } from './fixtures';

const budget: BudgetState = { granted: '5000.00', reserved: '1200.00', spent: '3655.00' }; // €145.00 available

describe('the training budget (rule 11)', () => {
  test('a fundable course that fits reserves its whole price; exactly what is left fits', () => {
    expect(available(budget)).toBe('145.00');
    expect(decideFunding({ budget, price: '145.00', fundable: true, memberPays: false })).toEqual({
      funding: 'FUND',
      reservedAmount: '145.00',
      movement: { kind: 'RESERVE', amount: '145.00' },
      after: { granted: '5000.00', reserved: '1345.00', spent: '3655.00' },
    });
  });

  test('too little left: refused unless the member pays itself', () => {
    const over = { budget, price: '195.00', fundable: true, courseTitle: 'Veilig tillen' };
    expect(() => decideFunding({ ...over, memberPays: false })).toThrow(
      expect.objectContaining({
        reason: 'BUDGET_EXHAUSTED',
        kind: 'CONFLICT',
        field: 'memberPays',
        message:
          "Veilig tillen (€195.00) costs more than the €145.00 left of this year's training budget of €5,000.00. Your organisation can enrol and pay for it itself.",
      }),
    );
    expect(decideFunding({ ...over, memberPays: true })).toEqual({
      funding: 'MEMBER',
      reservedAmount: '0.00',
      movement: null,
      after: budget,
    });
    const usedUp = { granted: '500.00', reserved: '0.00', spent: '500.00' };
    expect(() => decideFunding({ budget: usedUp, price: '0.01', fundable: true, memberPays: false })).toThrow(
      "This course (€0.01) does not fit: this year's training budget of €500.00 is used up.",
    );
    expect(() => decideFunding({ budget: null, price: '10.00', fundable: true, memberPays: false })).toThrow(
      'no training budget this year',
    );
  });

  test('free and unfunded courses leave the budget alone', () => {
    expect(decideFunding({ budget, price: '0.00', fundable: true, memberPays: false }).funding).toBe('FREE');
    expect(decideFunding({ budget, price: '650.00', fundable: false, memberPays: false }).funding).toBe('MEMBER');
  });

  test('cancellation and a no-show release, completion spends; nothing for nothing reserved', () => {
    expect(movementFor('CANCELLED', '145.00')).toEqual({ kind: 'RELEASE', amount: '145.00' });
    expect(movementFor('NO_SHOW', '145.00')).toEqual({ kind: 'RELEASE', amount: '145.00' });
    expect(movementFor('COMPLETED', '145.00')).toEqual({ kind: 'SPEND', amount: '145.00' });
    expect(movementFor('ENROLLED', '145.00')).toBeNull();
    expect(movementFor('COMPLETED', '0.00')).toBeNull();
    const after = applyMovement(budget, { kind: 'SPEND', amount: '1200.00' });
    expect(after).toEqual({ granted: '5000.00', reserved: '0.00', spent: '4855.00' });
    expect(() => applyMovement(after, { kind: 'RELEASE', amount: '0.01' })).toThrow(
      expect.objectContaining({ reason: 'BUDGET_INCONSISTENT' }),
    );
    expect(() => applyMovement(after, { kind: 'RESERVE', amount: '145.01' })).toThrow('would overdraw');
  });

  test('a grant is never lowered below what is reserved and spent', () => {
    expect(checkGrant('4855', budget)).toBe('4855.00');
    expect(() => checkGrant('4854.99', budget)).toThrow(
      'The budget cannot be lowered to €4,854.99: €4,855.00 is already reserved or spent.',
    );
  });

  test('property: for any enrolments, cancellations and completions the budget never goes below zero', () => {
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('enrol' as const),
        price: amount(70_000),
        fundable: fc.boolean(),
        memberPays: fc.boolean(),
      }),
      fc.record({ kind: fc.constantFrom('cancel' as const, 'complete' as const, 'noShow' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(amount(500_000), fc.array(step, { maxLength: 60 }), (granted, steps) => {
        let state: BudgetState = { granted, reserved: '0.00', spent: '0.00' };
        const open: string[] = [];
        const movements = [];
        for (const s of steps) {
          if (s.kind === 'enrol') {
            try {
              const decision = decideFunding({
                budget: state,
                price: s.price,
                fundable: s.fundable,
                memberPays: s.memberPays,
              });
              if (decision.movement) {
                movements.push(decision.movement);
                state = decision.after!;
                open.push(decision.reservedAmount);
              }
            } catch {
              expect(s.memberPays).toBe(false);
              expect(exact(s.price).greaterThan(exact(available(state)))).toBe(true);
            }
          } else if (open.length > 0) {
            const [reserved] = open.splice(s.pick % open.length, 1);
            const to = s.kind === 'cancel' ? 'CANCELLED' : s.kind === 'complete' ? 'COMPLETED' : 'NO_SHOW';
            const movement = movementFor(to, reserved!)!;
            movements.push(movement);
            state = applyMovement(state, movement);
          }
          expect(exact(available(state)).isNegative()).toBe(false);
          expect(exact(state.reserved).isNegative()).toBe(false);
        }
        expect(budgetFrom(granted, movements)).toEqual(state);
      }),
      { numRuns: 50 },
    );
  });
});
