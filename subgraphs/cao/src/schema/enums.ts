import { builder } from '../builder';
import { CaoVersionStatus } from '../generated/prisma/client';

export const CaoVersionStatusEnum = builder.enumType(CaoVersionStatus, {
  name: 'CaoVersionStatus',
  description: 'DRAFT: being prepared by the CAO team; PUBLISHED: in force from its date, never changed again.',
});

export const WageBasisEnum = builder.enumType('WageBasis', {
  values: {
    CAO_TABLE: { description: 'The amount in the CAO table.' },
    MINIMUM_WAGE_SCALE: {
      description: 'Scale 1, which is the statutory minimum wage itself (youth percentage under 21).',
    },
    LIFTED_TO_MINIMUM_WAGE: {
      description: 'The table amount was below the statutory minimum wage, which applies instead.',
    },
  } as const,
});
