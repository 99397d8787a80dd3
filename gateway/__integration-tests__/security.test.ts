import { SUBGRAPH_DEFINITIONS } from '@samen-sterk/platform';
import {
  DEVELOPMENT_GATEWAY_SECRET,
  DEVELOPMENT_JWT_SECRET,
  GATEWAY_SECRET_HEADER,
  signDevelopmentToken,
  TOKEN_AUDIENCE_DEFAULT,
  TOKEN_ISSUER_DEFAULT,
} from '@samen-sterk/subgraph-runtime';
import { SignJWT } from 'jose';
import { platformAdmin } from './testkit/actors';
import { badTokens, tokenFor } from './testkit/auth';
import { expectOk } from './testkit/expect';
import { errorCodes, graphql, nodes } from './testkit/graphql';
import { FIRST_MEMBERS, type MemberIds } from './testkit/operations';
import { usePlatform } from './testkit/use-platform';

// Tokens are checked by the gateway and again by every subgraph; federation's entry points
// answer only the gateway.
const tp = usePlatform();

/**
 * The HTTP status of a refused token through the gateway in front. Ours checks the token itself
 * and answers 401; Hive Gateway checks none and passes the subgraph's refusal on in a 200. The
 * code, the sentence and the absence of data are the same; a client that waits for a 401 to
 * sign in again would not get one through Hive.
 */
const refusedTokenStatus = () => (tp.gateway === 'ours' ? 401 : 200);

const QUERY = `{ members(first: 1) { totalCount } }`;

describe.each(Object.keys(badTokens) as (keyof typeof badTokens)[])('a token that is %s', (kind) => {
  test('is refused by the gateway with UNAUTHENTICATED and no data', async () => {
    const res = await tp.query(QUERY, { token: await badTokens[kind]() });
    expect(res.status).toBe(refusedTokenStatus());
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
  });

  test('is refused by the subgraph itself, even with the gateway secret', async () => {
    const res = await graphql(tp.subgraphUrl('members'), QUERY, {
      token: await badTokens[kind](),
      headers: { [GATEWAY_SECRET_HEADER]: DEVELOPMENT_GATEWAY_SECRET },
    });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
  });
});

test('an expired token says so', async () => {
  const res = await tp.query(QUERY, { token: await badTokens.expired() });
  expect(res.errors?.[0]?.message).toMatch(/expired/);
});

test('a token that never expires, or lives longer than 24 hours, says so, at the gateway and at a subgraph', async () => {
  const cases = [
    [badTokens.withoutExpiry, /never expires/],
    [badTokens.hundredYears, /lives longer than the 24 h/],
    [badTokens.hundredYearsWithoutIssuedAt, /lives longer than the 24 h/],
    [badTokens.issuedInTheFuture, /issued in the future/],
  ] as const;
  for (const [make, message] of cases) {
    const token = await make();
    const viaGateway = await tp.query(QUERY, { token });
    expect(viaGateway.status).toBe(refusedTokenStatus());
    expect(viaGateway.data ?? null).toBeNull();
    expect(viaGateway.errors?.[0]?.message).toMatch(message);
    const direct = await graphql(tp.subgraphUrl('cao'), '{ caoVersions(first: 1) { totalCount } }', {
      token,
      headers: { [GATEWAY_SECRET_HEADER]: DEVELOPMENT_GATEWAY_SECRET },
    });
    expect(direct.status).toBe(401);
    expect(direct.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['UNAUTHENTICATED', expect.stringMatching(message)],
    ]);
  }

  // Still accepted: a token of exactly the maximum lifetime, and one from an issuer whose clock
  // is a little ahead of ours.
  const day = await signDevelopmentToken({ sub: 'someone', roles: ['platform-admin'] }, { expiresIn: '24h' });
  expect((await tp.query(QUERY, { token: day })).errors).toBeUndefined();
  const skewed = await new SignJWT({ roles: ['platform-admin'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('someone')
    .setIssuer(TOKEN_ISSUER_DEFAULT)
    .setAudience(TOKEN_AUDIENCE_DEFAULT)
    .setIssuedAt('30s')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(DEVELOPMENT_JWT_SECRET));
  expect((await tp.query(QUERY, { token: skewed })).errors).toBeUndefined();
});

test('a token with a member role but no member is refused', async () => {
  const token = await tokenFor({ roles: ['member-admin'] });
  expect(errorCodes(await tp.query(QUERY, { token }))).toEqual(['UNAUTHENTICATED']);
});

test('a subgraph asked directly without a token refuses', async () => {
  const res = await graphql(tp.subgraphUrl('members'), QUERY);
  expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
});

describe('federation entry points around the gateway', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { name } } }`;

  test('_entities without the gateway secret is refused, even with a valid token', async () => {
    const token = await platformAdmin();
    const members = expectOk(await tp.query<MemberIds>(FIRST_MEMBERS, { token, variables: { first: 1 } }));
    const id = nodes(members.members)[0]!.id;
    const variables = { r: [{ __typename: 'Member', id }] };
    for (const headers of [{}, { [GATEWAY_SECRET_HEADER]: 'guessed' }] as Record<string, string>[]) {
      const res = await graphql(tp.subgraphUrl('members'), ENTITIES, { token, variables, headers });
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(res.data ?? null)).not.toContain('name');
    }
    // Hidden in a fragment it is still refused.
    const sneaky = await graphql(
      tp.subgraphUrl('members'),
      `
        query ($r: [_Any!]!) {
          ...F
        }
        fragment F on Query {
          _entities(representations: $r) {
            ... on Member {
              name
            }
          }
        }
      `,
      { token, variables },
    );
    expect(errorCodes(sneaky)).toEqual(['FORBIDDEN']);

    const viaGatewaySecret = await graphql<{ _entities: { name: string }[] }>(tp.subgraphUrl('members'), ENTITIES, {
      token,
      variables,
      headers: { [GATEWAY_SECRET_HEADER]: DEVELOPMENT_GATEWAY_SECRET },
    });
    expect(expectOk(viaGatewaySecret)._entities[0]!.name).toBeTruthy();
  });

  test('_service (the SDL) without the gateway secret is refused', async () => {
    const res = await graphql(
      tp.subgraphUrl('members'),
      `
        {
          _service {
            sdl
          }
        }
      `,
      {
        token: await platformAdmin(),
      },
    );
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });
});

// The gateway's own /healthz and /readyz: resilience.test.ts.
test('health and readiness of every subgraph', async () => {
  const names = Object.keys(tp.platform.subgraphs);
  expect(names.sort()).toEqual(SUBGRAPH_DEFINITIONS.map((d) => d.name).sort());
  for (const name of names) {
    const base = tp.subgraphUrl(name as 'members').replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  }
});

test('a query nested deeper than the gateway allows is refused before it reaches a subgraph', async () => {
  let selection = 'name';
  for (let i = 0; i < 6; i++) selection = `branches(first: 1) { edges { node { member { ${selection} } } } }`;
  const res = await tp.query(`{ members(first: 1) { edges { node { ${selection} } } } }`, {
    token: await platformAdmin(),
  });
  expect(res.errors?.[0]?.message).toMatch(/depth/i);
  expect(res.data ?? null).toBeNull();
});
