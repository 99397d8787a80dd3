import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';

/**
 * An API error as a sentence a person understands, in the portal's language. The gateway's own
 * sentence (English) follows where it says what exactly to change (input, conflicts).
 */
export function errorSentence(error: CombinedError | Error | null | undefined, t: TFunction): string | null {
  if (!error) return null;
  if (!('graphQLErrors' in error)) return t('errors.unknown', { detail: error.message });
  if (error.networkError && error.graphQLErrors.length === 0) return t('errors.network');
  const first = error.graphQLErrors[0];
  const code = String(first?.extensions?.code ?? '');
  const detail = first?.message ?? '';
  switch (code) {
    case 'UNAUTHENTICATED':
      return t('errors.unauthenticated');
    case 'FORBIDDEN':
      return t('errors.forbidden', { detail });
    case 'NOT_FOUND':
      return t('errors.notFound');
    case 'BAD_USER_INPUT':
      return t('errors.badInput', { detail });
    case 'CONFLICT':
      return t('errors.conflict', { detail });
    case 'TOO_MANY_REQUESTS':
      return t('errors.tooMany');
    case 'INTERNAL_SERVER_ERROR':
      return t('errors.internal');
    default:
      return t('errors.unknown', { detail });
  }
}
