import { distinctEntities } from '../distinct-entities';

const scale = (versionId: string, scale: number) => ({ __typename: 'WageScale', versionId, scale });

describe('distinct entity references per _entities fetch', () => {
  test('12 references to 6 wage scales are sent as 6, and every place gets its answer', () => {
    const references = [1, 2, 3, 4, 5, 6, 6, 5, 4, 3, 2, 1].map((n) => scale('v1', n));
    const distinct = distinctEntities(references)!;
    expect(distinct.representations).toEqual([1, 2, 3, 4, 5, 6].map((n) => scale('v1', n)));

    const answer = distinct.spread({
      data: {
        _entities: distinct.representations.map((r) => ({
          ...(r as object),
          name: `scale ${(r as { scale: number }).scale}`,
        })),
      },
    });
    const entities = answer.data!._entities as { scale: number; name: string }[];
    expect(entities.map((e) => e.name)).toEqual(references.map((r) => `scale ${r.scale}`));
    // Places of one entity hold equal answers, never the same object (the gateway writes into them).
    expect(entities[0]).toEqual(entities[11]);
    expect(entities[0]).not.toBe(entities[11]);
  });

  test('an error about one distinct reference is reported at every place it stands for', () => {
    const distinct = distinctEntities([scale('v1', 1), scale('v1', 2), scale('v1', 1)])!;
    const answer = distinct.spread({
      data: { _entities: [null, { scale: 2 }] },
      errors: [{ message: 'gone', path: ['_entities', 0, 'name'] }, { message: 'other' }],
    });
    expect(answer.data!._entities).toEqual([null, { scale: 2 }, null]);
    expect(answer.errors!.map((e) => [e.message, e.path])).toEqual([
      ['gone', ['_entities', 0, 'name']],
      ['gone', ['_entities', 2, 'name']],
      ['other', undefined],
    ]);
  });

  test('references that are all distinct are sent as they are', () => {
    expect(distinctEntities([scale('v1', 1), scale('v1', 2)])).toBeNull();
    expect(distinctEntities(undefined)).toBeNull();
  });
});
