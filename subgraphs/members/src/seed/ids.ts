/** Identifiers of the demo data: the platform's demo-id scheme (runtime `demo.ts`), shared with the other seeds. */
export { demoId as seedId } from '@samen-sterk/subgraph-runtime';
