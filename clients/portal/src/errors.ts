import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';

/**
 * An API error for a person: `sentence` in the portal's language says what happened and what to
 * do; `field` names the input concerned in that language (from `extensions.field`, when the
 * portal knows its label); `detail` is the API's own sentence, which says exactly what to change.
 * The API writes English, so in Dutch the detail is shown apart, marked as English (`lang="en"`,
 * so a screen reader pronounces it as such); in English it is the sentence itself.
 */
export interface ErrorText {
  sentence: string;
  field?: string;
  detail?: string;
}

/** The codes whose API sentence adds something the portal's own sentence does not say. */
const SAYS_MORE = new Set(['FORBIDDEN', 'BAD_USER_INPUT', 'CONFLICT', 'QUERY_TOO_COSTLY']);

export function describeApiError(
  error: CombinedError | Error | null | undefined,
  t: TFunction,
  language: string,
): ErrorText | null {
  if (!error) return null;
  const english = language.startsWith('en');
  if (!('graphQLErrors' in error)) return { sentence: t('errors.unknown') };
  if (error.networkError && error.graphQLErrors.length === 0) return { sentence: t('errors.network') };
  const first = error.graphQLErrors[0];
  const code = String(first?.extensions?.code ?? '');
  const apiSentence = first?.message ?? '';
  const key = {
    UNAUTHENTICATED: 'unauthenticated',
    FORBIDDEN: 'forbidden',
    NOT_FOUND: 'notFound',
    BAD_USER_INPUT: 'badInput',
    CONFLICT: 'conflict',
    QUERY_TOO_COSTLY: 'tooCostly',
    TOO_MANY_REQUESTS: 'tooMany',
    INTERNAL_SERVER_ERROR: 'internal',
    SERVICE_UNAVAILABLE: 'unavailable',
  }[code];
  if (!key)
    return english ? { sentence: apiSentence || t('errors.unknown') } : withDetail(t('errors.unknown'), apiSentence);
  const text: ErrorText = { sentence: t(`errors.${key}`) };
  const field = fieldLabel(first?.extensions?.field, t);
  if (field) text.field = field;
  if (!SAYS_MORE.has(code) || !apiSentence) return text;
  return english ? { ...text, sentence: apiSentence } : { ...text, detail: apiSentence };
}

function withDetail(sentence: string, detail: string): ErrorText {
  return detail ? { sentence, detail } : { sentence };
}

/**
 * The label of an input path such as `input.lines.0.quantity`: its last named part, in the
 * portal's words (`fields.quantity`), with the line number where a list element is meant.
 */
function fieldLabel(path: unknown, t: TFunction): string | undefined {
  if (typeof path !== 'string' || !path) return undefined;
  const parts = path.split('.');
  const name = [...parts].reverse().find((part) => !/^\d+$/.test(part));
  if (!name) return undefined;
  const label = t(`fields.${name}`, { defaultValue: '' });
  if (!label) return undefined;
  const index = parts.find((part) => /^\d+$/.test(part));
  return index === undefined ? label : t('fields.ofLine', { label, line: Number(index) + 1 });
}

/** The same, as one line of text (for small places such as a download button). */
export function errorSentence(
  error: CombinedError | Error | null | undefined,
  t: TFunction,
  language: string,
): string | null {
  const text = describeApiError(error, t, language);
  if (!text) return null;
  return [text.sentence, text.field && t('errors.field', { field: text.field }), text.detail].filter(Boolean).join(' ');
}
