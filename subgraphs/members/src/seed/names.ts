import { DEMO_FIRST_NAMES, DEMO_LAST_NAMES } from '@samen-sterk/subgraph-runtime/pure';
import words from './directory-words.json';

/**
 * Word lists for the demo seed of the members directory (the lists themselves are data, in
 * `directory-words.json`; people's names are shared with hr-payroll's seed through the runtime). Every organisation name here is
 * invented; the cities are real, with the span of four-digit postcode numbers that belongs
 * (roughly) to each, so that a seeded address looks like it is where it says it is.
 */

export interface SeedCity {
  name: string;
  /** Lowest and highest four-digit postcode number used for addresses in this city. */
  postcodes: readonly [number, number];
  /** Neighbourhoods a chain may have several shops in; empty for smaller places. */
  districts: readonly string[];
}

/** Real Dutch cities, spread over all twelve provinces, ordered by postcode. */
export const CITIES: readonly SeedCity[] = words.cities as unknown as readonly SeedCity[];

/**
 * Letters used in the second part of seeded postcodes. PostNL leaves out a few letters that
 * are easily misread; the pairs SA, SD and SS are never issued and are filtered separately.
 */
export const POSTCODE_LETTERS = 'ABCEGHJKLMNPRSTVWXZ';
export const FORBIDDEN_POSTCODE_LETTER_PAIRS: readonly string[] = ['SA', 'SD', 'SS'];

/**
 * The distinctive part of an invented organisation name: becomes the short name used for its
 * shops ("De Ommekeer Stadshagen") and, without article, its e-mail domain.
 */
export const ORGANISATION_CORES: readonly string[] = words.organisationCores;

/** "Kringloop {core}": the wording of the full legal name, per legal form. */
export const NAME_PATTERNS = words.namePatterns;

/** Streets where reuse shops tend to be: business parks, old harbours, shopping streets. */
export const STREETS: readonly string[] = words.streets;

/** People's names (users here, employees and volunteers in hr-payroll). */
export const FIRST_NAMES = DEMO_FIRST_NAMES;
export const LAST_NAMES = DEMO_LAST_NAMES;

/** Invented certification bodies that audit the Keurmerk. */
export const AUDITORS: readonly string[] = words.auditors;
