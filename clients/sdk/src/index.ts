// @samen-sterk/sdk: the typed client of the Samen Sterk API (README.md in this folder).
export * from './client';
export * from './errors';
export * from './generated/graphql';
