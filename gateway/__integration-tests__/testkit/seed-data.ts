import fs from 'node:fs';
import path from 'node:path';

// The CAO subgraph's published source documents, read as the tests' independent expectation.
const SEED = path.join(__dirname, '..', '..', '..', 'subgraphs', 'cao', 'seed-data');
const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(SEED, file), 'utf8')) as T;

export interface PublishedCao {
  name: string;
  parties: string[];
  overtime: string;
  periodicIncrease: string;
  salaryTable: { scales: { scale: number; steps: { step: number; monthly: string }[] }[] };
}
/** The CAO Kringloop 2024 as published. */
export const cao2024 = read<PublishedCao>('cao-kringloop-2024.json');
export const CAO_2024 = 'CAO Kringloop Nederland 2024';

/** Every cell of the 2024 table. */
export const cells2024 = cao2024.salaryTable.scales.flatMap((s) =>
  s.steps.map((c) => ({ scale: s.scale, step: c.step, monthly: c.monthly })),
);

/** The 2024 table as `setWageCells`/`caoVersion` write it. */
export const seededTable2024 = cao2024.salaryTable.scales.map((s) => ({
  scale: s.scale,
  steps: s.steps.map((c) => ({ step: c.step, monthlyFullTime: c.monthly })),
}));

/** The statutory minimum wage as published. */
export const minimumWageNl = read<{
  youthPercent: Record<string, string>;
  bblYouthPercent: Record<string, string>;
  rates: { effectiveFrom: string; hourly: Record<string, string> }[];
}>('minimum-wage-nl.json');
