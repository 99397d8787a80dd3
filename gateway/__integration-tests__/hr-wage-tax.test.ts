import { ROLES } from '@samen-sterk/subgraph-runtime';
import { tokenOf } from './testkit/actors';
import { expectOk } from './testkit/expect';
import { errorCodes, type GraphQLResponse } from './testkit/graphql';
import { halfUpCents } from './testkit/money';
import { usePlatform } from './testkit/use-platform';

// The wage-tax calculator of the HR/payroll subgraph through the gateway: the official 2026 white
// monthly table rows to the cent, the special-payments table (holiday allowance), bad input, and
// who may use it. Read-only: nothing here writes.
const tp = usePlatform();
let token: string;

beforeAll(async () => {
  token = await tokenOf('member-hr');
});

/** Exact: a whole number of euros ÷ 12, half up to cents, with two decimals (BigInt, no floats). */
const perMonth = (annualEuros: bigint) => halfUpCents(annualEuros, 12n);

const WAGE_TAX = `query($year: Int!, $wage: Decimal!, $credit: Boolean!) {
  wageTax(year: $year, period: MONTH, wage: $wage, withTaxCredit: $credit) {
    year withTaxCredit tax tableWage annualWage taxBeforeCredits generalTaxCredit employmentTaxCredit explanation } }`;
interface WageTax {
  wageTax: {
    year: number;
    withTaxCredit: boolean;
    tax: string;
    tableWage: string;
    annualWage: string;
    taxBeforeCredits: string;
    generalTaxCredit: string;
    employmentTaxCredit: string;
    explanation: string[];
  };
}
/** `as`: the caller's token; null for none. */
const wageTax = (year: number, wage: unknown, credit: boolean, as: string | null = token) =>
  tp.query<WageTax>(WAGE_TAX, { token: as ?? undefined, variables: { year, wage, credit } });

/** The tax on `wage`, after checking it was answered without errors. */
const taxOf = async (year: number, wage: string, credit: boolean, as: string | null = token) =>
  expectOk(await wageTax(year, wage, credit, as)).wageTax;

const SPECIAL = `query($year: Int!, $amount: Decimal!, $previous: Decimal!, $credit: Boolean!) {
  specialPaymentsTax(year: $year, amount: $amount, previousYearAnnualWage: $previous, withTaxCredit: $credit) {
    tax ratePercent explanation } }`;
interface SpecialPaymentsTax {
  specialPaymentsTax: { tax: string; ratePercent: string; explanation: string[] };
}
const special = (year: number, amount: unknown, previous: unknown, credit: boolean, as: string | null = token) =>
  tp.query<SpecialPaymentsTax>(SPECIAL, { token: as ?? undefined, variables: { year, amount, previous, credit } });

/** Many calculations in one request (aliases), answered in order. */
async function batched(items: { wage: string; credit: boolean }[]) {
  const query = `{ ${items
    .map(
      (item, i) =>
        `a${i}: wageTax(year: 2026, period: MONTH, wage: "${item.wage}", withTaxCredit: ${item.credit}) { tax tableWage employmentTaxCredit }`,
    )
    .join('\n')} }`;
  const res = await tp.query<Record<string, Pick<WageTax['wageTax'], 'tax' | 'tableWage' | 'employmentTaxCredit'>>>(
    query,
    { token },
  );
  expect(res.errors).toBeUndefined();
  return items.map((_, i) => res.data![`a${i}`]!);
}

/*
 * The 2026 vectors, copied (numbers and sources) from the unit test of the calculator,
 * subgraphs/hr-payroll/src/domain/wage-tax/__tests__/wage-tax.test.ts (it does not export them):
 *
 * 2026 — rows of the OFFICIAL white monthly table, "Witte tabel Nederland, Standaard, maand,
 * uitgave januari 2026", column "jonger dan de AOW-leeftijd":
 *   https://download.belastingdienst.nl/belastingdienst/dl/rekenhulpen/loonheffing/2026/v01/pdf/wit_mnd_nl_std_20260101.pdf
 * As quoted, verbatim, in public source code found through a GitHub code index (three independent
 * projects: an NL-2026 loonheffing conformance test, a take-home-pay tax test and a payroll
 * "oracle" module that cites printed page 33 of the PDF). Transcriptions, not the PDF itself.
 */
/** [table wage, without credit, with credit, employment tax credit per month (with credit) or null] */
const ROWS_2026: [string, string, string, string | null][] = [
  ['999.00', '357.08', '13.83', '83.67'],
  ['2002.50', '715.83', '61.42', '394.83'],
  ['2497.50', '892.83', '186.00', '448.42'],
  ['3240.00', '1158.25', '484.50', '462.92'], // last row in bracket 1 (L = 38.880)
  ['3244.50', '1159.92', '486.33', '463.00'], // first row in bracket 2 (L = 38.934)
  ['4999.50', '1819.08', '1325.08', '395.67'],
  ['5499.00', '2006.67', '1577.17', '363.17'], // printed page 33 of the PDF
  ['6534.00', '2395.42', '2099.58', null], // last row in bracket 2
  ['6538.50', '2397.42', '2101.92', null], // first row in bracket 3
  ['11092.50', '4651.67', '4651.67', '0.00'], // highest table wage (Lmax / 12)
];
/** Rows quoted for the "with loonheffingskorting" column only: [table wage, with credit]. */
const ROWS_2026_WITH_CREDIT: [string, string][] = [
  ['2700.00', '267.50'],
  ['3001.50', '388.58'],
  ['4000.50', '820.92'],
  ['6502.50', '2083.58'],
  ['8001.00', '2921.17'],
  ['11002.50', '4602.25'],
];

describe('wage tax 2026, white monthly table, below AOW age, through the gateway', () => {
  /**
   * The 2026 tax on table wage `wage`, with or without the credit, is `tax`, and the answer says
   * which year, wage and credit it is for; the whole answer.
   */
  const expectRow = async (wage: string, credit: boolean, tax: string) => {
    const answer = await taxOf(2026, wage, credit);
    expect(answer).toMatchObject({ year: 2026, withTaxCredit: credit, tax, tableWage: wage });
    return answer;
  };

  test.each(ROWS_2026)(
    'table wage €%s: %s without, %s with loonheffingskorting',
    async (wage, without, withCredit, employmentCredit) => {
      const plain = await expectRow(wage, false, without);
      expect(plain).toMatchObject({ generalTaxCredit: '0.00', employmentTaxCredit: '0.00' });
      const credited = await expectRow(wage, true, withCredit);
      if (employmentCredit !== null) expect(credited.employmentTaxCredit).toBe(employmentCredit);
      expect(credited.explanation.length).toBeGreaterThanOrEqual(4);
    },
  );

  test('the rows quoted with loonheffingskorting only, all in one request', async () => {
    const answers = await batched(ROWS_2026_WITH_CREDIT.map(([wage]) => ({ wage, credit: true })));
    expect(answers.map((a) => [a.tableWage, a.tax])).toEqual(ROWS_2026_WITH_CREDIT);
  });

  test('every row again in one request: the same answers as one by one', async () => {
    const items = ROWS_2026.flatMap(([wage]) => [
      { wage, credit: false },
      { wage, credit: true },
    ]);
    const answers = await batched(items);
    expect(answers.map((a) => a.tax)).toEqual(ROWS_2026.flatMap(([, without, withCredit]) => [without, withCredit]));
  });

  test('a wage between two rows reads the lower row: €4.000,00 → row €3.996,00 (official: 818,67)', async () => {
    // From the unit test: L = 47.952, X1 = 17.306, AHK 1.950, ARK 5.532 a year.
    const res = await taxOf(2026, '4000.00', true);
    expect(res).toMatchObject({
      tax: '818.67',
      tableWage: '3996.00',
      annualWage: '47952.00',
      taxBeforeCredits: perMonth(17306n),
      generalTaxCredit: perMonth(1950n),
      employmentTaxCredit: perMonth(5532n),
    });
    expect(perMonth(5532n)).toBe('461.00');
    expect((await taxOf(2026, '3999.99', true)).tax).toBe('818.67');
  });

  test('credits are capped at the tax, the excess off the arbeidskorting first (row €729,00)', async () => {
    // Official row: with credit 0,00 and "verrekende arbeidskorting" 1,00 (X1 3.127, AHK 3.115, ARK 12).
    const res = await taxOf(2026, '729.00', true);
    expect(res).toMatchObject({
      tax: '0.00',
      taxBeforeCredits: perMonth(3127n),
      generalTaxCredit: perMonth(3115n),
      employmentTaxCredit: '1.00',
    });
  });

  test('above the highest table wage: 49,50% of the excess, rounded down to cents', async () => {
    // €12.000: 4.651,67 + floor2(907,50 × 49,50% = 449,2125) = 5.100,88, with or without credit.
    for (const credit of [true, false]) {
      const res = await taxOf(2026, '12000.00', credit);
      expect(res).toMatchObject({ tax: '5100.88', tableWage: '12000.00' });
    }
    // €11.093,00: + floor2(0,2475) = + 0,24.
    expect((await taxOf(2026, '11093.00', false)).tax).toBe('4651.91');
  });

  test('a wage of nil withholds nothing', async () => {
    for (const credit of [true, false]) expect((await taxOf(2026, '0', credit)).tax).toBe('0.00');
  });

  test('2025: the amounts published for €2.000 and €3.000 a month with loonheffingskorting', async () => {
    // personplus.nl worked example ("€3.000 per maand → €404,42"; "€2.000 → €82,83"), as in the unit test.
    expect((await taxOf(2025, '2000.00', true)).tax).toBe('82.83');
    expect((await taxOf(2025, '3000.00', true)).tax).toBe('404.42');
  });
});

describe('special payments (tabel bijzondere beloningen): the holiday allowance', () => {
  // Vectors from the unit test (same file, "taxes the payment at the percentage, rounded down to cents").
  test.each([
    // 2xplain.nl, "Minder vakantiegeld voor parttimers" (2025): €1.000 a month, holiday allowance
    // €960, "ontvangt dit jaar € 693 netto": 960 × 27,77% = 266,592 → 266,59.
    [2025, '960.00', '12960', true, '266.59', '27.77'],
    // 2026 table (wit_bb_nl_std_20260101.pdf as transcribed): €50.000 with credit 50,47%;
    // 1.234,56 × 50,47% = 623,08243 → 623,08.
    [2026, '1234.56', '50000', true, '623.08', '50.47'],
    // €11.358 with credit 27,43%: 1,99 × 27,43% = 0,545857 → 0,54 (down, not half up).
    [2026, '1.99', '11358', true, '0.54', '27.43'],
    // Rates of the 2026 table from the unit test: €80.000 without credit 49,5%; €38.884 without 37,56%.
    [2026, '1000.00', '80000', false, '495.00', '49.50'],
    [2026, '1000.00', '38884', false, '375.60', '37.56'],
    [2026, '1000.00', '10000', true, '0.00', '0.00'],
  ] as const)(
    '%i: €%s on a previous-year wage of €%s (credit %s) → %s at %s%%',
    async (year, amount, previous, credit, tax, rate) => {
      const res = await special(year, amount, previous, credit);
      expect(res.errors).toBeUndefined();
      expect(res.data!.specialPaymentsTax).toMatchObject({ tax, ratePercent: rate });
      expect(res.data!.specialPaymentsTax.explanation.length).toBeGreaterThanOrEqual(1);
    },
  );
});

describe('bad input', () => {
  const expectBadInput = (res: GraphQLResponse<Partial<WageTax & SpecialPaymentsTax>>, field?: string) => {
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(res.data?.wageTax ?? res.data?.specialPaymentsTax ?? null).toBeNull();
  };

  test.each([2019, 2024, 2027])('the year %i is refused on the field year', async (year) => {
    expectBadInput(await wageTax(year, '3000.00', true), 'year');
  });

  // The calculator module counts a wage of nil or less as nil (its unit test "a wage of nil or less
  // withholds nothing"); the API is to refuse a negative wage, as specialPaymentsTax refuses a
  // negative amount.
  test('a negative wage is refused', async () => {
    for (const credit of [true, false]) {
      const res = await wageTax(2026, '-1', credit);
      expect({ codes: errorCodes(res), answer: res.data?.wageTax ?? null }).toMatchObject({
        codes: ['BAD_USER_INPUT'],
        answer: null,
      });
      expect(res.errors?.[0]?.extensions?.field).toBe('wage');
    }
  });

  test('a wage given as a JSON number in the variables is refused', async () => {
    expectBadInput(await wageTax(2026, 3000, true));
    expectBadInput(await wageTax(2026, 3000.5, false));
  });

  test.each(['three thousand', '1e3', 'Infinity', '', '3.000,00'])('the wage "%s" is refused', async (wage) => {
    expectBadInput(await wageTax(2026, wage, true));
  });

  test('a wage written as a number in the query itself is refused', async () => {
    const res = await tp.query(`{ wageTax(year: 2026, period: MONTH, wage: 3000, withTaxCredit: true) { tax } }`, {
      token,
    });
    expectBadInput(res);
  });

  test('2025 above the highest table wage it can vouch for is refused on wage', async () => {
    expectBadInput(await wageTax(2025, '10764.00', false), 'wage');
  });

  test('special payments: a negative amount, an unknown year, an unconfirmed 2025 row', async () => {
    expectBadInput(await special(2026, '-5', '30000', true), 'amount');
    expectBadInput(await special(2026, '100', '-1', true), 'previousYearAnnualWage');
    expectBadInput(await special(2019, '100', '30000', true), 'year');
    expectBadInput(await special(2025, '100', '50000', true), 'previousYearAnnualWage');
    expectBadInput(await special(2026, 100, '30000', true));
  });
});

describe('who may use the calculator', () => {
  test('without a token: UNAUTHENTICATED, nothing computed', async () => {
    const answers: GraphQLResponse<Partial<WageTax & SpecialPaymentsTax>>[] = [
      await wageTax(2026, '3000.00', true, null),
      await special(2026, '1', '1', true, null),
    ];
    for (const res of answers) {
      expect(errorCodes(res)).toContain('UNAUTHENTICATED');
      expect(res.data?.wageTax ?? res.data?.specialPaymentsTax ?? null).toBeNull();
    }
    const none = await tp.query(WAGE_TAX, { variables: { year: 2026, wage: '5499.00', credit: true } });
    expect(errorCodes(none)).toEqual(['UNAUTHENTICATED']);
  });

  test.each(ROLES)('%s may use it', async (role) => {
    const as = await tokenOf(role);
    const res = await taxOf(2026, '5499.00', true, as);
    expect(res.tax).toBe('1577.17');
    const holiday = await tp.query<SpecialPaymentsTax>(SPECIAL, {
      token: as,
      variables: { year: 2026, amount: '1234.56', previous: '50000', credit: true },
    });
    expect(holiday.errors).toBeUndefined();
    expect(holiday.data!.specialPaymentsTax.tax).toBe('623.08');
  });
});
