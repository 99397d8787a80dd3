import { DEVELOPMENT_GATEWAY_SECRET, GATEWAY_SECRET_HEADER, type ServiceName } from '@samen-sterk/subgraph-runtime';
import { errorCodes, type GraphQLResponse } from './testkit/graphql';
import { platformAdmin } from './testkit/actors';
import { CREATE_MEMBER, directoryCounts, validMember } from './testkit/members';
import { usePlatform } from './testkit/use-platform';
import { useTokens } from './testkit/use-tokens';

// Bad input gets a clear error naming the field, and nothing is written.
// This file: values GraphQL itself refuses, through the gateway and at each subgraph.
const tp = usePlatform();
const tokens = useTokens({ admin: () => platformAdmin() });
const counts = directoryCounts(tp);

// Input GraphQL refuses before anything runs is the caller's mistake too: BAD_USER_INPUT naming
// the variable (`$on`) or the argument (`on`, `input.memberSince`), through the gateway and at
// each subgraph directly, never INTERNAL_SERVER_ERROR.
describe('values GraphQL refuses are BAD_USER_INPUT with the field', () => {
  const WAGE = (args: string) => `{ wage(${args}) { monthly } }`;
  const cases: {
    name: string;
    subgraph: ServiceName;
    query: string;
    /** As JSON text, so that `1e309` reaches the server as written (JSON.stringify writes null). */
    variables?: string;
    field: string;
  }[] = [
    {
      name: 'a Date that does not exist, as a variable',
      subgraph: 'cao',
      query: `query($on: Date!) { wage(scale: 5, step: 3, on: $on, hoursPerWeek: "24") { monthly } }`,
      variables: '{"on": "2026-02-30"}',
      field: '$on',
    },
    {
      name: 'a Date that does not exist, written in the query',
      subgraph: 'cao',
      query: WAGE('scale: 5, step: 3, on: "2026-02-30", hoursPerWeek: "24"'),
      field: 'on',
    },
    {
      name: 'a Decimal "1e309", as a variable',
      subgraph: 'cao',
      query: `query($h: Decimal) { wage(scale: 5, step: 3, on: "2024-03-01", hoursPerWeek: $h) { monthly } }`,
      variables: '{"h": "1e309"}',
      field: '$h',
    },
    {
      name: 'a Decimal "1e309", written in the query',
      subgraph: 'cao',
      query: WAGE('scale: 5, step: 3, on: "2024-03-01", hoursPerWeek: "1e309"'),
      field: 'hoursPerWeek',
    },
    {
      name: 'an Int of 2^31, as a variable',
      subgraph: 'cao',
      query: `query($s: Int!) { wage(scale: $s, step: 3, on: "2024-03-01") { monthly } }`,
      variables: '{"s": 2147483648}',
      field: '$s',
    },
    {
      name: 'an Int of 2^31, written in the query',
      subgraph: 'cao',
      query: WAGE('scale: 2147483648, step: 3, on: "2024-03-01"'),
      field: 'scale',
    },
    {
      name: 'an Int of 1e309 (Infinity in JSON), as a variable',
      subgraph: 'hr-payroll',
      query: `query($y: Int!) { wageTax(year: $y, period: MONTH, wage: "2500.00", withTaxCredit: true) { tax } }`,
      variables: '{"y": 1e309}',
      field: '$y',
    },
    {
      name: 'an Int of 1e309, written in the query',
      subgraph: 'hr-payroll',
      query: `{ wageTax(year: 1e309, period: MONTH, wage: "2500.00", withTaxCredit: true) { tax } }`,
      field: 'year',
    },
    {
      name: 'a Decimal that is no number, written in the query',
      subgraph: 'hr-payroll',
      query: `{ wageTax(year: 2026, period: MONTH, wage: "lots", withTaxCredit: true) { tax } }`,
      field: 'wage',
    },
    {
      name: 'a Date that does not exist, as a variable, in hr-payroll',
      subgraph: 'hr-payroll',
      query: `query($on: Date!) { stepIncreasesDue(memberId: "00000000-0000-4000-8000-000000000001", on: $on) { dueOn } }`,
      variables: '{"on": "2026-02-30"}',
      field: '$on',
    },
    {
      name: 'an ID of 1e309, as a variable',
      subgraph: 'members',
      query: `query($id: ID!) { member(id: $id) { name } }`,
      variables: '{"id": 1e309}',
      field: '$id',
    },
    {
      name: 'an ID of 1e309, written in the query',
      subgraph: 'members',
      query: `{ member(id: 1e309) { name } }`,
      field: 'id',
    },
    {
      name: 'a Date inside an input object, as a variable',
      subgraph: 'members',
      query: CREATE_MEMBER,
      variables: JSON.stringify({ input: { ...validMember, memberSince: '2026-13-01' } }),
      field: '$input.memberSince',
    },
    {
      name: 'a Date inside an input object, written in the query',
      subgraph: 'members',
      query: `mutation { createMember(input: { name: "X", kvkNumber: "12345678", legalForm: FOUNDATION, city: "Utrecht", memberSince: "2026-13-01" }) { id } }`,
      field: 'input.memberSince',
    },
    {
      name: 'a field missing from an input object, as a variable',
      subgraph: 'members',
      query: CREATE_MEMBER,
      variables: JSON.stringify({ input: { ...validMember, memberSince: undefined } }),
      field: '$input.memberSince',
    },
  ];

  /** POSTs with the variables as JSON text. */
  const send = async (url: string, query: string, variables?: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}`, ...headers },
      body: `{"query": ${JSON.stringify(query)}${variables ? `, "variables": ${variables}` : ''}}`,
    });
    return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
  };

  test.each(cases)('$name: through the gateway', async ({ query, variables, field }) => {
    const before = await counts();
    const res = await send(tp.url, query, variables);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(res.errors?.[0]?.message).toMatch(/\w/);
    expect([200, 400]).toContain(res.status);
    expect(await counts()).toEqual(before);
  });

  test.each(cases)('$name: at the subgraph directly (400) and from the gateway (200)', async (c) => {
    const direct = await send(tp.subgraphUrl(c.subgraph), c.query, c.variables);
    expect(errorCodes(direct)).toEqual(['BAD_USER_INPUT']);
    expect(direct.errors?.[0]?.extensions?.field).toBe(c.field);
    expect(direct.status).toBe(400);
    const asGateway = await send(tp.subgraphUrl(c.subgraph), c.query, c.variables, {
      [GATEWAY_SECRET_HEADER]: DEVELOPMENT_GATEWAY_SECRET,
    });
    expect(errorCodes(asGateway)).toEqual(['BAD_USER_INPUT']);
    expect(asGateway.errors?.[0]?.extensions?.field).toBe(c.field);
    expect(asGateway.status).toBe(200);
  });

  test('the refusal of a variable does not repeat the object it was in (which may hold a BSN)', async () => {
    const res = await tp.query(CREATE_MEMBER, {
      token: tokens.admin,
      variables: { input: { ...validMember, kvkNumber: '171239003', memberSince: undefined } },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(res)).not.toContain('171239003');
  });
});
