// Runs this subgraph on its own (deployments run each subgraph separately); SEED=1 seeds demo data.
import { runSubgraphFromCommandLine } from '@samen-sterk/subgraph-runtime';
import { academySubgraph } from './index';

runSubgraphFromCommandLine(academySubgraph);
