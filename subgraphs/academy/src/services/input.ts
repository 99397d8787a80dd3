import { DomainError } from '@samen-sterk/subgraph-runtime/pure';
import { charactersIn } from '../domain/checks';

/** A trainer's remark on a result: one to 500 characters of text, or none. */
export function resultIn(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if (charactersIn(text) > 500)
    throw new DomainError('RESULT_TOO_LONG', 'result', 'A result remark has at most 500 characters.');
  return text;
}
