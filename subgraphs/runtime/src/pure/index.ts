// What a subgraph's pure rules (`domain/`) may use of the runtime: exact amounts, calendar dates,
// identifiers, the demo data's conventions and the one domain error. Nothing here imports
// GraphQL, Prisma or Node's I/O; `scripts/__tests__/boundaries.test.ts` keeps it so.
export * from './calendar-date';
export * from './demo';
export * from './domain-error';
export * from './exact';
export * from './identifiers';
