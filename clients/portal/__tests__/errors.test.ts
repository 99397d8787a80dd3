import { CombinedError } from '@urql/core';
import i18next from 'i18next';
import { describeApiError, errorSentence } from '../src/errors';
import { en } from '../src/locales/en';
import { nl } from '../src/locales/nl';

/** An error as urql hands it to the portal, from one GraphQL error of the API. */
function apiError(message: string, extensions: Record<string, unknown>): CombinedError {
  return new CombinedError({ graphQLErrors: [{ message, extensions }] });
}

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    lng: 'nl',
    interpolation: { escapeValue: false },
    resources: { nl: { translation: nl }, en: { translation: en } },
  });
});

describe('API errors in the portal', () => {
  const badQuantity = apiError('The quantity must be at least 1.', {
    code: 'BAD_USER_INPUT',
    field: 'input.lines.1.quantity',
  });

  it('says in Dutch what to do, names the field in Dutch, and keeps the English detail apart', () => {
    const nlT = i18n.getFixedT('nl');
    expect(describeApiError(badQuantity, nlT, 'nl')).toEqual({
      sentence: 'Controleer wat u invulde.',
      field: 'aantal op regel 2',
      detail: 'The quantity must be at least 1.',
    });
    expect(errorSentence(badQuantity, nlT, 'nl')).toBe(
      'Controleer wat u invulde. Het gaat om: aantal op regel 2. The quantity must be at least 1.',
    );
  });

  it('in English shows the API sentence itself, not twice', () => {
    const enT = i18n.getFixedT('en');
    expect(describeApiError(badQuantity, enT, 'en')).toEqual({
      sentence: 'The quantity must be at least 1.',
      field: 'quantity on line 2',
    });
  });

  it('adds no detail where the portal sentence says it all, and knows no field it has no word for', () => {
    const nlT = i18n.getFixedT('nl');
    expect(describeApiError(apiError('Sign in first.', { code: 'UNAUTHENTICATED' }), nlT, 'nl')).toEqual({
      sentence: 'U bent niet (meer) aangemeld. Meld u opnieuw aan.',
    });
    expect(describeApiError(apiError('Internal server error', { code: 'INTERNAL_SERVER_ERROR' }), nlT, 'nl')).toEqual({
      sentence: 'Er ging bij ons iets mis. Het is vastgelegd; probeer het later opnieuw.',
    });
    expect(
      describeApiError(apiError('Too long.', { code: 'BAD_USER_INPUT', field: 'input.kvkNumber' }), nlT, 'nl'),
    ).toEqual({ sentence: 'Controleer wat u invulde.', detail: 'Too long.' });
  });

  it('says that part of the platform is away when a service behind the gateway is down', () => {
    const nlT = i18n.getFixedT('nl');
    const down = apiError('The hr-payroll service did not answer in time.', {
      code: 'SERVICE_UNAVAILABLE',
      service: 'hr-payroll',
    });
    expect(describeApiError(down, nlT, 'nl')).toEqual({
      sentence: 'Een deel van het platform is even niet bereikbaar; wat wel kwam, ziet u. Probeer het zo opnieuw.',
    });
  });

  it('says the server cannot be reached when no answer came', () => {
    const nlT = i18n.getFixedT('nl');
    const offline = new CombinedError({ networkError: new TypeError('fetch failed') });
    expect(describeApiError(offline, nlT, 'nl')?.sentence).toMatch(/niet bereikbaar/);
  });
});
