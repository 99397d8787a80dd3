import type { GraphQLFormattedError } from 'graphql';

/**
 * Distinct entity references per `_entities` fetch. The query planner sends one representation
 * per place an entity occurs: a member's 12 employments on 6 wage scales became 12 `WageScale`
 * references, and the CAO subgraph worked out each scale twice. Each distinct representation
 * is sent once here and its answer put back in every place it was asked for.
 */
export interface DistinctEntities {
  /** The representations to send, each once. */
  representations: unknown[];
  /** The subgraph's answer to those, spread back over the places of the original request. */
  spread<Answer extends { data?: Record<string, unknown> | null; errors?: readonly GraphQLFormattedError[] }>(
    answer: Answer,
  ): Answer;
}

/** Null when every representation is distinct already (or there are none): nothing to do. */
export function distinctEntities(representations: unknown): DistinctEntities | null {
  if (!Array.isArray(representations) || representations.length < 2) return null;
  const indexOf = new Map<string, number>();
  const distinct: unknown[] = [];
  // The planner builds every representation of one fetch with the same selection, so equal
  // references serialise to equal text.
  const placeToDistinct = representations.map((representation) => {
    const key = JSON.stringify(representation);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = distinct.length;
      indexOf.set(key, index);
      distinct.push(representation);
    }
    return index;
  });
  if (distinct.length === representations.length) return null;
  const placesOf = distinct.map(() => [] as number[]);
  placeToDistinct.forEach((index, place) => placesOf[index]!.push(place));

  return {
    representations: distinct,
    spread(answer) {
      const received = answer.data?._entities;
      const data =
        Array.isArray(received) && received.length === distinct.length
          ? {
              ...answer.data,
              // The first place gets the answer itself, the others copies: the gateway merges
              // later fetches into these objects, and places must not share them.
              _entities: placeToDistinct.map((index, place) =>
                placesOf[index]![0] === place ? received[index] : structuredClone(received[index]),
              ),
            }
          : answer.data;
      // An error about one distinct entity is about each place it stands for.
      const errors = answer.errors?.flatMap((error) => {
        const [root, index, ...rest] = error.path ?? [];
        if (root !== '_entities' || typeof index !== 'number' || !placesOf[index]) return [error];
        return placesOf[index].map((place) => ({ ...error, path: ['_entities', place, ...rest] }));
      });
      return { ...answer, data, ...(errors ? { errors } : {}) };
    },
  };
}
