import { MEMBERS_OPERATIONS } from '../members-client';
import { describeServiceContract } from './service-contract';

// hr-payroll asks the members directory whose shop a branch is; what it asks must be what the
// members' committed SDL offers, and it reads only what that SDL answers.
describeServiceContract({
  sdl: 'subgraphs/members/schema.graphql',
  operations: MEMBERS_OPERATIONS,
  generated: 'subgraphs/hr-payroll/src/members-client.generated.ts',
  client: 'members-client.ts',
  scalars: { Date: 'string', DateTime: 'string', Decimal: 'string' },
});
