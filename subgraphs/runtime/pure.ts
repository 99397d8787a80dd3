// `@samen-sterk/subgraph-runtime/pure`: the part of the runtime that `domain/` code may import.
export * from './src/pure';
