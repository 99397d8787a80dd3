import { describeInputRules, PROCUREMENT_MUTATIONS } from './testkit/input-rules-procurement';

// The platform's shared input rules through the real gateway (what they are: testkit/input-rules.ts).
// This file: every mutation of procurement (orders, fulfilment, settings, the catalogue, the
// settlement): a control character and over-long text, as listed in testkit/input-rules-procurement.ts.
// The other subgraphs' mutations, and the check that every mutation is listed:
// input-rules-every-mutation.test.ts.

describeInputRules(PROCUREMENT_MUTATIONS);
