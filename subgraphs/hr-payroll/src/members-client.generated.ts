// Generated from subgraphs/members/schema.graphql and the operations of members-client.ts: do not edit.
// After changing an operation, or when that SDL changed: UPDATE_SERVICE_TYPES=1 pnpm test subgraphs/hr-payroll/src/__tests__

export type BranchOwnerQuery = {
  branch: {
    id: string;
    member: {
      id: string;
    };
  } | null;
};

export type BranchOwnerVariables = {
  id: string;
};
