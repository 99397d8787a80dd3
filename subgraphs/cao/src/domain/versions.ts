/**
 * Which CAO version applies on a date. A published version applies from its effective date;
 * after its end date it keeps applying until a later version takes over ("nawerking", the
 * after-effect of a collective agreement under Dutch law), and the answer says so.
 */
export interface DatedVersion {
  effectiveFrom: Date | null;
  effectiveTo: Date | null;
}

export interface InForce<V> {
  version: V;
  /** True when the date lies after the version's end: it applies by after-effect. */
  afterEffect: boolean;
}

/** `published`: published versions in any order. Null before the first one began. */
export function versionInForce<V extends DatedVersion>(published: readonly V[], on: Date): InForce<V> | null {
  let latest: V | null = null;
  for (const version of published) {
    if (!version.effectiveFrom || version.effectiveFrom > on) continue;
    if (!latest || version.effectiveFrom > latest.effectiveFrom!) latest = version;
  }
  if (!latest) return null;
  return { version: latest, afterEffect: !!latest.effectiveTo && on > latest.effectiveTo };
}

/** Whether two effective periods share a day (an open end runs for ever). */
export function periodsOverlap(a: DatedVersion, b: DatedVersion): boolean {
  if (!a.effectiveFrom || !b.effectiveFrom) return false;
  const aEndsBeforeB = a.effectiveTo !== null && a.effectiveTo < b.effectiveFrom;
  const bEndsBeforeA = b.effectiveTo !== null && b.effectiveTo < a.effectiveFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}
