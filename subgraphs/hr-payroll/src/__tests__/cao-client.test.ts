import { CAO_OPERATIONS } from '../cao-client';
import { describeServiceContract } from './service-contract';

// hr-payroll asks the CAO subgraph for wages, scales and publications; what it asks must be
// what the CAO's committed SDL offers, and it reads only what that SDL answers.
describeServiceContract({
  sdl: 'subgraphs/cao/schema.graphql',
  operations: CAO_OPERATIONS,
  generated: 'subgraphs/hr-payroll/src/cao-client.generated.ts',
  client: 'cao-client.ts',
  scalars: { Date: 'string', DateTime: 'string', Decimal: 'string' },
});
