// Generated from subgraphs/cao/schema.graphql and the operations of cao-client.ts: do not edit.
// After changing an operation, or when that SDL changed: UPDATE_SERVICE_TYPES=1 pnpm test subgraphs/hr-payroll/src/__tests__

export type WageQuery = {
  wage: WageFieldsFragment;
};

export type WageVariables = {
  scale: number;
  step: number;
  on: string;
  hoursPerWeek?: string | null;
  age?: number | null;
};

export type WageFieldsFragment = {
  monthly: string;
  hourly: string;
  monthlyFullTime: string;
  basis: 'CAO_TABLE' | 'MINIMUM_WAGE_SCALE' | 'LIFTED_TO_MINIMUM_WAGE';
  liftedToMinimumWage: boolean;
  afterEffect: boolean;
  version: {
    id: string;
    name: string;
    fullTimeHoursPerWeek: string;
    holidayAllowance: {
      percent: string;
      paymentMonth: number;
      accrualStartMonth: number;
    };
  };
  minimumWage: {
    hourly: string;
  };
  explanation: Array<string>;
};

export type WagesQuery = {
  wages: Array<WageFieldsFragment>;
};

export type WagesVariables = {
  requests: Array<{
    scale: number;
    step: number;
    on: string;
    hoursPerWeek?: string | null;
    age?: number | null;
  }>;
};

export type WageScalesQuery = {
  wageScales: {
    scales: Array<{
      scale: number;
      steps: Array<{
        step: number;
      }>;
    }>;
  };
};

export type WageScalesVariables = {
  on: string;
};

export type PublicationsQuery = {
  caoVersions: {
    edges: Array<{
      node: {
        name: string;
        effectiveFrom: string | null;
        effectiveTo: string | null;
        publishedAt: string | null;
      };
    }>;
  };
  minimumWageRates: {
    edges: Array<{
      node: {
        effectiveFrom: string;
        publishedAt: string;
      };
    }>;
  };
};

export type PublicationsVariables = Record<string, never>;
