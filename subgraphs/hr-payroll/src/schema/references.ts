import { builder } from '../builder';

/** Member, owned by the members subgraph: here it gains its employees (see employee.ts). */
export const MemberRef = builder.externalRef('Member', builder.selection<{ id: string }>('id'));

/** WageScale, owned by the CAO subgraph: employments point at the scale of the CAO version used. */
export const WageScaleRef = builder
  .externalRef(
    'WageScale',
    builder.keyDirective(builder.selection<{ versionId: string; scale: number }>('versionId scale'), false),
  )
  .implement({
    fields: (t) => ({
      versionId: t.exposeID('versionId'),
      scale: t.exposeInt('scale'),
    }),
  });
