import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createClient, MeDocument, SamenSterkError, type SamenSterkClient } from '../src';

// What the examples share: a client for the gateway and token from the environment, and how
// an example reports a failure.
//
//   SAMEN_STERK_URL    the gateway (default http://localhost:4000/graphql, what `pnpm start` serves)
//   SAMEN_STERK_TOKEN  a bearer token; without it the example asks this repository's
//                      `pnpm -s token --role <role>` for a development token (and again when the
//                      platform refuses it as expired): in your own system, your identity provider.

const REPOSITORY = path.resolve(__dirname, '../../..');

/** A development token from this repository's token script. */
function developmentToken(role: string): string {
  return execFileSync('pnpm', ['-s', 'token', '--role', role], { cwd: REPOSITORY, encoding: 'utf8' }).trim();
}

export function exampleClient(role: string): SamenSterkClient {
  const fixed = process.env.SAMEN_STERK_TOKEN;
  return createClient({
    url: process.env.SAMEN_STERK_URL ?? 'http://localhost:4000/graphql',
    token: fixed ? fixed : () => developmentToken(role),
    headers: { 'user-agent': 'samen-sterk-sdk-example' },
  });
}

/** Runs an example's `main` as a program: exit code 1 with the platform's reason when it fails. */
export function runExample(role: string, main: (client: SamenSterkClient) => Promise<unknown>): void {
  main(exampleClient(role)).catch((error: unknown) => {
    if (error instanceof SamenSterkError) {
      console.error(`Failed: ${error.message} (${error.code}${error.field ? `, field ${error.field}` : ''})`);
    } else {
      console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exitCode = 1;
  });
}

/** Where an example writes what it says: the console, or a test's list. */
export type Say = (line: string) => void;

/** The member the token speaks for. */
export async function whoAmI(client: SamenSterkClient) {
  const { me } = await client.request(MeDocument);
  if (!me.memberId || !me.member) throw new Error(`This token speaks for no member (roles: ${me.roles.join(', ')}).`);
  return { memberId: me.memberId, memberName: me.member.name, roles: me.roles };
}
