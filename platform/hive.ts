// `@samen-sterk/platform/hive`: Hive Gateway in front of the subgraphs (tests and benchmarks only).
export * from './src/hive-gateway';
