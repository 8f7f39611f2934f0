import { parseArgs } from 'node:util';
import { ClaimsError, claimsOf, isRole, isVisibilityTier, principalFromClaims, type Principal, type Role } from '../contracts';
import { TokenService } from '../platform/access/tokens';
import { readConfig } from '../processes/config';

const USAGE = `Usage: npm run --silent token -- --role <ROLE> [--org <enterprise>] [--order <orderId> --tier <MINIMAL|BASIC|DETAILED>] [--subject <name>] [--ttl <seconds>]

Prints a bearer token signed with this hub's secret (AUTH_SECRET, or <DATA_DIR>/auth-secret).
Roles: HUB_ADMIN, STUDIO_ADMIN, SUPERVISOR, OPERATOR, PARTNER, SUPPLIER, KITCHEN, CUSTOMER.
Every role but HUB_ADMIN and CUSTOMER needs --org; CUSTOMER needs --order (repeatable) and --tier.`;

/** `npm run --silent token -- …`: a token for the embedded hub, for trying the graph as someone. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
      order: { type: 'string', multiple: true },
      tier: { type: 'string' },
      subject: { type: 'string' },
      ttl: { type: 'string', default: '43200' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.role?.length) throw new ClaimsError(USAGE);
  const roles = values.role.map((role) => role.toUpperCase());
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length) throw new ClaimsError(`Unknown role ${unknown.join(', ')}\n\n${USAGE}`);
  if (values.tier !== undefined && !isVisibilityTier(values.tier)) throw new ClaimsError(`Unknown tier "${values.tier}"\n\n${USAGE}`);
  const ttl = Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl < 1) throw new ClaimsError(`--ttl must be a positive number of seconds`);
  const draft: Principal = {
    subject: values.subject ?? `${roles[0].toLowerCase()}@${values.org ?? 'weft'}`,
    org: values.org ?? null,
    roles: roles as Role[],
    ...(roles.includes('CUSTOMER') ? { customer: { orders: values.order ?? [], tier: values.tier ?? 'BASIC' } } : {}),
  };
  // The same check every verifier applies: a token this prints is one the hub accepts.
  const principal = principalFromClaims(claimsOf(draft));
  if (principal.customer && principal.customer.orders.length === 0)
    throw new ClaimsError(`A CUSTOMER token needs --order <orderId>\n\n${USAGE}`);
  const tokens = new TokenService(readConfig().auth());
  process.stdout.write(`${await tokens.sign(principal, ttl)}\n`);
}

main().catch((error) => {
  console.error(error instanceof ClaimsError ? error.message : error);
  process.exit(1);
});
