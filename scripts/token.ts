// `pnpm -s token --role <role> [--role <role>…] [--member <id>] [--employee <id>] [--user <id>]
//   [--payroll-member <id>…] [--expires 8h]`: prints a signed development token. It may live at
// most JWT_MAX_LIFETIME (24h by default): the platform refuses longer-lived tokens.
// Without --user/--member it speaks for the demo seed's sample user of the (first) role.
import { SEED_ACCOUNTS } from '@samen-sterk/members';
import { isRole, MEMBER_ROLES, ROLES, signDevelopmentToken, type Role } from '@samen-sterk/subgraph-runtime';
import { parseArgs } from 'node:util';

const usage = `Usage: pnpm -s token --role <role> [--role <role>…] [--member <id>] [--employee <id>] [--user <id>] [--payroll-member <id>…] [--expires 8h]
Roles: ${ROLES.join(', ')}
--expires: how long the token lives (8h by default; at most JWT_MAX_LIFETIME, 24h by default)`;

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      member: { type: 'string' },
      employee: { type: 'string' },
      user: { type: 'string' },
      'payroll-member': { type: 'string', multiple: true },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(usage);
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new Error(`${unknown.length ? `Unknown role: ${unknown.join(', ')}\n` : ''}${usage}`);
  }
  const sample = SEED_ACCOUNTS.find((account) => account.claimRole === roles[0]);
  const needsMember = roles.some((role) => MEMBER_ROLES.includes(role as Role));
  const memberId = values.member ?? (needsMember ? (sample?.memberId ?? undefined) : undefined);
  if (needsMember && !memberId) throw new Error('Member roles need --member <id>.');
  const samplesMember = !values.member || values.member === sample?.memberId;
  const token = await signDevelopmentToken(
    {
      sub: values.user ?? (sample && samplesMember ? sample.id : `dev-${roles.join('+')}`),
      roles: roles as Role[],
      ...(memberId ? { memberId } : {}),
      ...(values.employee || (roles.includes('employee') && samplesMember && sample?.employeeId)
        ? { employeeId: values.employee ?? sample!.employeeId! }
        : {}),
      ...(roles.includes('payroll-service')
        ? { payrollMemberIds: values['payroll-member'] ?? sample?.payrollMemberIds ?? [] }
        : {}),
    },
    { expiresIn: values.expires },
  );
  console.log(token);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
