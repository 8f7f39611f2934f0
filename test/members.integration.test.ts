import { decodeJwt } from 'jose';
import { NETWORK_EVENTS, NOT_A_MEMBER } from '../contracts';
import { AuditEntry } from '../platform/data/audit';
import { OutboxEvent } from '../platform/events/outbox';
import { Invitation } from '../subgraphs/network/invitation';
import { dialects, startTestHub, type GraphQLResult, type TestHub } from './support/hub';
import { startTestIdentityProvider, type TestIdentityProvider } from './support/identity-provider';
import { hubAdmin, partner, staff } from './support/principals';

const INVITE = `mutation($e: ID!, $input: InvitationInput!, $key: String!) {
  inviteMember(enterpriseId: $e, input: $input, idempotencyKey: $key) { token url invitation { id state roles contact displayName expiresAt } }
}`;
const REVOKE = `mutation($e: ID!, $id: ID!, $key: String!) { revokeInvitation(enterpriseId: $e, invitationId: $id, idempotencyKey: $key) { id state revokedAt } }`;
const ACCEPT = `mutation($token: String!, $key: String!) { acceptInvitation(token: $token, idempotencyKey: $key) { id enterpriseId issuer subject displayName roles } }`;
const CHANGE_ROLES = `mutation($e: ID!, $m: ID!, $roles: [Role!]!, $key: String!) {
  changeMemberRoles(enterpriseId: $e, membershipId: $m, roles: $roles, idempotencyKey: $key) { id roles }
}`;
const REMOVE = `mutation($e: ID!, $m: ID!, $key: String!) { removeMember(enterpriseId: $e, membershipId: $m, idempotencyKey: $key) }`;
const MEMBERS = `query($e: ID!) { enterpriseMembers(enterpriseId: $e) { id subject displayName roles } }`;
const INVITATIONS = `query($e: ID!, $state: InvitationState) { memberInvitations(enterpriseId: $e, state: $state) { id state } }`;
const STUDIO_ORDERS = `{ orders(studioId: "moyun-studio") { totalCount } }`;
const APPLY = `mutation($input: EnterpriseRegistrationInput!, $key: String!) { applyForEnterprise(input: $input, idempotencyKey: $key) { id status } }`;

const STUDIO = 'moyun-studio';
const admin = staff(STUDIO);
const invitation = (roles: string[], contact = 'wang.fang@example.com') => ({
  channel: contact.startsWith('+') ? 'PHONE' : 'EMAIL',
  contact,
  displayName: '王芳',
  roles,
});
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const reasonOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.reason;

/** Members join by invitation through the identity provider; the hub's tokens carry what the membership holds. */
describe.each(dialects())('members, invitations and the token exchange (%s)', (dialect) => {
  let t: TestHub;
  let idp: TestIdentityProvider;
  const network = () => t.hub.subgraphs.network.systemContext().em;
  const exchangeUrl = () => t.hub.gateway.url.replace(/\/graphql$/, '/auth/exchange');
  const exchange = async (token: string, extra: Record<string, unknown> = {}) => {
    const response = await fetch(exchangeUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, ...extra }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const invite = async (roles: string[], key: string, as = admin, enterpriseId = STUDIO, contact?: string) =>
    t.gql(INVITE, { e: enterpriseId, input: invitation(roles, contact), key }, { as });
  /** A newcomer's identity-only token: what the exchange hands someone with no membership. */
  const newcomer = async (subject: string) => {
    const refused = await exchange(await idp.token(subject));
    expect(refused.status).toBe(403);
    return refused.body.identityToken as string;
  };

  beforeAll(async () => {
    idp = await startTestIdentityProvider();
    t = await startTestHub(dialect, {
      auth: idp.hubTokens(),
      rateLimits: { perPrincipalPerMinute: 10_000, publicPerAddressPerMinute: 10_000, exchangesPerAddressPerMinute: 60 },
    });
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  let supervisorMembership: string;

  it('invites, lets a new identity accept through the exchange, and signs its org and roles for a few minutes', async () => {
    const invited = await invite(['SUPERVISOR'], 'inv-1');
    expect(invited.errors).toBeUndefined();
    const link = invited.data.inviteMember;
    expect(link.invitation).toMatchObject({
      state: 'PENDING',
      roles: ['SUPERVISOR'],
      contact: 'wang.fang@example.com',
      displayName: '王芳',
    });
    expect(link.url).toContain(`/join?invitation=${link.token}`);
    // Retried with its key: the same invitation and the same link, nothing new.
    const again = (await invite(['SUPERVISOR'], 'inv-1')).data.inviteMember;
    expect(again).toMatchObject({ token: link.token, invitation: { id: link.invitation.id } });
    expect((await t.gql(INVITATIONS, { e: STUDIO }, { as: admin })).data.memberInvitations).toEqual([
      { id: link.invitation.id, state: 'PENDING' },
    ]);
    // Only the link's hash is kept.
    const stored = await network().findOneOrFail(Invitation, { id: link.invitation.id });
    expect(stored.tokenHash).not.toContain(link.token);
    expect(JSON.stringify(stored)).not.toContain(link.token);

    // A new identity: not a member, so refused, with an identity-only token that takes nothing but applying and accepting.
    const refused = await exchange(await idp.token('idp-wang'));
    expect(refused).toMatchObject({ status: 403, body: { error: { code: NOT_A_MEMBER }, memberships: [] } });
    const identityOnly = refused.body.identityToken as string;
    expect(decodeJwt(identityOnly)).toMatchObject({ sub: 'idp-wang', roles: [], idp: idp.issuer });
    expect(codeOf(await t.gql(STUDIO_ORDERS, {}, { as: identityOnly }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(MEMBERS, { e: STUDIO }, { as: identityOnly }))).toBe('FORBIDDEN');

    const accepted = await t.gql(ACCEPT, { token: link.token, key: 'accept-1' }, { as: identityOnly });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.acceptInvitation).toMatchObject({
      enterpriseId: STUDIO,
      issuer: idp.issuer,
      subject: 'idp-wang',
      displayName: '王芳',
      roles: ['SUPERVISOR'],
    });
    supervisorMembership = accepted.data.acceptInvitation.id;
    // Retried with its key: the same membership.
    expect((await t.gql(ACCEPT, { token: link.token, key: 'accept-1' }, { as: identityOnly })).data.acceptInvitation.id).toBe(
      supervisorMembership,
    );

    const exchanged = await exchange(await idp.token('idp-wang'));
    expect(exchanged).toMatchObject({ status: 200, body: { enterpriseId: STUDIO, roles: ['SUPERVISOR'], expiresIn: 300 } });
    const claims = decodeJwt(exchanged.body.accessToken);
    expect(claims).toMatchObject({ sub: 'idp-wang', org: STUDIO, roles: ['SUPERVISOR'], iss: 'weft-hub', idp: idp.issuer });
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(300);
    const asMember = await t.gql(STUDIO_ORDERS, {}, { as: exchanged.body.accessToken });
    expect(asMember.errors).toBeUndefined();
    expect(asMember.data.orders.totalCount).toBe(0);
    // A supervisor is not the studio's admin: members stay out of reach.
    expect(codeOf(await t.gql(MEMBERS, { e: STUDIO }, { as: exchanged.body.accessToken }))).toBe('FORBIDDEN');

    // The admin sees the member; events carry ids and roles with their actor, never the contact or the name.
    const members = (await t.gql(MEMBERS, { e: STUDIO }, { as: admin })).data.enterpriseMembers;
    expect(members).toEqual([{ id: supervisorMembership, subject: 'idp-wang', displayName: '王芳', roles: ['SUPERVISOR'] }]);
    const events = await network().find(OutboxEvent, { type: { $like: 'member.%' } }, { orderBy: { position: 'asc' } });
    expect(events.map((event) => [event.type, event.actorSubject])).toEqual([
      [NETWORK_EVENTS.MEMBER_INVITED, admin.subject],
      [NETWORK_EVENTS.MEMBER_JOINED, 'idp-wang'],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/wang\.fang|王芳/);
    expect(await network().count(AuditEntry, { operation: { $in: ['inviteMember', 'acceptInvitation'] } })).toBe(2);
  });

  it('refuses an invitation used, revoked or expired, an unknown link, a role the kind lacks and a contact that is none', async () => {
    const first = (await invite(['OPERATOR'], 'inv-used')).data.inviteMember;
    expect((await t.gql(ACCEPT, { token: first.token, key: 'a' }, { as: await newcomer('idp-li') })).errors).toBeUndefined();
    const used = await t.gql(ACCEPT, { token: first.token, key: 'b' }, { as: await newcomer('idp-zhao') });
    expect([codeOf(used), reasonOf(used)]).toEqual(['FAILED_PRECONDITION', 'INVITATION_USED']);

    const revoked = (await invite(['OPERATOR'], 'inv-revoked', admin, STUDIO, '+86 138 0000 0000')).data.inviteMember;
    const revoke = await t.gql(REVOKE, { e: STUDIO, id: revoked.invitation.id, key: 'rev-1' }, { as: admin });
    expect(revoke.data.revokeInvitation.state).toBe('REVOKED');
    const afterRevoke = await t.gql(ACCEPT, { token: revoked.token, key: 'c' }, { as: await newcomer('idp-zhao') });
    expect([codeOf(afterRevoke), reasonOf(afterRevoke)]).toEqual(['FAILED_PRECONDITION', 'INVITATION_REVOKED']);

    const expiring = (await invite(['OPERATOR'], 'inv-expired')).data.inviteMember;
    await network().nativeUpdate(Invitation, { id: expiring.invitation.id }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await t.gql(ACCEPT, { token: expiring.token, key: 'd' }, { as: await newcomer('idp-zhao') });
    expect([codeOf(expired), reasonOf(expired)]).toEqual(['FAILED_PRECONDITION', 'INVITATION_EXPIRED']);
    const states = (await t.gql(INVITATIONS, { e: STUDIO, state: null }, { as: admin })).data.memberInvitations;
    expect(Object.fromEntries(states.map((row: { id: string; state: string }) => [row.id, row.state]))).toMatchObject({
      [first.invitation.id]: 'ACCEPTED',
      [revoked.invitation.id]: 'REVOKED',
      [expiring.invitation.id]: 'EXPIRED',
    });

    const unknown = await t.gql(ACCEPT, { token: 'x'.repeat(43), key: 'e' }, { as: await newcomer('idp-zhao') });
    expect([codeOf(unknown), reasonOf(unknown)]).toEqual(['NOT_FOUND', 'INVITATION_NOT_FOUND']);

    const pendingBefore = await network().count(Invitation, {});
    const wrongRole = await invite(['SUPPLIER'], 'inv-bad-role');
    expect(wrongRole.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_ROLE', field: 'input.roles' });
    const hubRole = await invite(['HUB_ADMIN'], 'inv-hub-role');
    expect(reasonOf(hubRole)).toBe('UNKNOWN_ROLE');
    const notAnEmail = await invite(['OPERATOR'], 'inv-bad-contact', admin, STUDIO, 'not an address');
    expect(notAnEmail.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contact' });
    expect(await network().count(Invitation, {})).toBe(pendingBefore);
  });

  it('carries changed roles in the next exchange, refuses a removed member, and keeps the last admin', async () => {
    const changed = await t.gql(
      CHANGE_ROLES,
      { e: STUDIO, m: supervisorMembership, roles: ['OPERATOR', 'SUPERVISOR'], key: 'roles-1' },
      { as: admin },
    );
    expect(changed.data.changeMemberRoles.roles).toEqual(['SUPERVISOR', 'OPERATOR']);
    expect((await exchange(await idp.token('idp-wang'))).body.roles).toEqual(['SUPERVISOR', 'OPERATOR']);

    // The enterprise's first admin by invitation, then the last one cannot leave or lose the role.
    const adminLink = (await invite(['STUDIO_ADMIN'], 'inv-admin')).data.inviteMember;
    const joined = (await t.gql(ACCEPT, { token: adminLink.token, key: 'f' }, { as: await newcomer('idp-chen') })).data.acceptInvitation;
    const chen = (await exchange(await idp.token('idp-chen'))).body.accessToken;
    const lastAdmin = await t.gql(REMOVE, { e: STUDIO, m: joined.id, key: 'rm-admin' }, { as: chen });
    expect([codeOf(lastAdmin), reasonOf(lastAdmin)]).toEqual(['FAILED_PRECONDITION', 'LAST_ADMIN']);
    const demoted = await t.gql(CHANGE_ROLES, { e: STUDIO, m: joined.id, roles: ['OPERATOR'], key: 'demote' }, { as: chen });
    expect(reasonOf(demoted)).toBe('LAST_ADMIN');

    // An admin by membership manages members: removes the supervisor, whose next exchange is refused.
    const removed = await t.gql(REMOVE, { e: STUDIO, m: supervisorMembership, key: 'rm-1' }, { as: chen });
    expect(removed).toEqual({ data: { removeMember: supervisorMembership } });
    expect(await exchange(await idp.token('idp-wang'))).toMatchObject({ status: 403, body: { error: { code: NOT_A_MEMBER } } });
    const [event] = await network().find(OutboxEvent, { type: NETWORK_EVENTS.MEMBER_REMOVED });
    expect(event).toMatchObject({ actorSubject: 'idp-chen', payload: { enterpriseId: STUDIO, membershipId: supervisorMembership } });
  });

  it('keeps every enterprise’s members from other enterprises’ admins, its own staff below admin, and newcomers', async () => {
    const member = (await t.gql(MEMBERS, { e: STUDIO }, { as: admin })).data.enterpriseMembers[0];
    const pending = (await invite(['OPERATOR'], 'inv-foreign-target')).data.inviteMember.invitation;
    const outsiders = [staff('moyun-bakery'), partner('jingde-kiln-works'), staff(STUDIO, 'SUPERVISOR'), staff(STUDIO, 'OPERATOR')];
    const urls = [t.hub.gateway.url, t.hub.subgraphs.network.url];
    for (const url of urls) {
      for (const as of [...outsiders, await newcomer('idp-outsider')]) {
        const attempts = [
          await t.gql(MEMBERS, { e: STUDIO }, { as, url }),
          await t.gql(INVITATIONS, { e: STUDIO }, { as, url }),
          await t.gql(INVITE, { e: STUDIO, input: invitation(['OPERATOR']), key: 'foreign' }, { as, url }),
          await t.gql(REVOKE, { e: STUDIO, id: pending.id, key: 'foreign' }, { as, url }),
          await t.gql(CHANGE_ROLES, { e: STUDIO, m: member.id, roles: ['OPERATOR'], key: 'foreign' }, { as, url }),
          await t.gql(REMOVE, { e: STUDIO, m: member.id, key: 'foreign' }, { as, url }),
        ];
        for (const attempt of attempts) {
          expect(codeOf(attempt)).toBe('FORBIDDEN');
          expect(JSON.stringify(attempt)).not.toMatch(/example\.com|王芳|idp-/);
        }
      }
    }
    // A foreign admin naming its own enterprise sees only its own (none here).
    expect((await t.gql(MEMBERS, { e: 'moyun-bakery' }, { as: staff('moyun-bakery') })).data.enterpriseMembers).toEqual([]);
    // Hub admins see and manage any enterprise's members.
    expect((await t.gql(MEMBERS, { e: STUDIO }, { as: hubAdmin() })).data.enterpriseMembers.length).toBeGreaterThan(0);
    // The membership look-up is the hub admins' (the exchange's service principal), no one else's.
    const access = `query($i: String!, $s: String!) { memberAccess(issuer: $i, subject: $s) { enterpriseId roles } }`;
    expect(codeOf(await t.gql(access, { i: idp.issuer, s: 'idp-chen' }, { as: admin }))).toBe('FORBIDDEN');
    expect((await t.gql(access, { i: idp.issuer, s: 'idp-chen' }, { as: hubAdmin() })).data.memberAccess).toEqual([
      { enterpriseId: STUDIO, roles: ['STUDIO_ADMIN'] },
    ]);
  });

  it('lets a newcomer apply for an enterprise, and refuses bad exchanges: no token, a forged or the hub’s own, an idp claim from outside', async () => {
    const applied = await t.gql(
      APPLY,
      {
        input: { id: 'hide-and-awl', kind: 'STUDIO', nameZh: '皮与锥工坊', nameEn: 'Hide and Awl', region: 'CN-ZJ', alliances: [] },
        key: 'apply-1',
      },
      { as: await newcomer('idp-owner') },
    );
    expect(applied.data.applyForEnterprise).toEqual({ id: 'hide-and-awl', status: 'APPLIED' });

    expect((await exchange('garbage')).status).toBe(401);
    expect((await exchange(await t.token(admin))).status).toBe(401);
    expect((await exchange(await idp.token('idp-x', { expiresIn: -60 }))).status).toBe(401);
    const noBody = await fetch(exchangeUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noBody.status).toBe(400);
    expect((await fetch(exchangeUrl())).status).toBe(405);
    // Only the hub vouches for an identity with no roles: a provider token claiming `idp` is refused at the gateway.
    const smuggled = await idp.token('idp-smuggler', { claims: { roles: [], idp: 'https://elsewhere' } });
    expect((await t.gql(STUDIO_ORDERS, {}, { as: smuggled })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('makes the approved applicant the first admin of the enterprise they applied for (no invitation), and no one else', async () => {
    // Before approval the applicant is nobody's member; a rejected applicant never becomes one.
    expect(await exchange(await idp.token('idp-owner'))).toMatchObject({ status: 403, body: { error: { code: NOT_A_MEMBER } } });
    const approve = (id: string, key: string, as = hubAdmin()) =>
      t.gql(`mutation($id: ID!, $key: String!) { approveEnterprise(id: $id, idempotencyKey: $key) { id status } }`, { id, key }, { as });
    expect(codeOf(await approve('hide-and-awl', 'approve-0', admin))).toBe('FORBIDDEN');
    expect(await exchange(await idp.token('idp-owner'))).toMatchObject({ status: 403 });
    expect((await approve('hide-and-awl', 'approve-1')).data.approveEnterprise).toEqual({ id: 'hide-and-awl', status: 'ACTIVE' });
    // Once per key: a retry makes no second membership.
    expect((await approve('hide-and-awl', 'approve-1')).data.approveEnterprise.status).toBe('ACTIVE');
    const exchanged = await exchange(await idp.token('idp-owner'));
    expect(exchanged).toMatchObject({ status: 200, body: { enterpriseId: 'hide-and-awl', roles: ['STUDIO_ADMIN'] } });
    // As its admin, the applicant manages its members at once: the list holds them alone.
    const members = await t.gql(MEMBERS, { e: 'hide-and-awl' }, { as: exchanged.body.accessToken });
    expect(members.data.enterpriseMembers).toEqual([expect.objectContaining({ subject: 'idp-owner', roles: ['STUDIO_ADMIN'] })]);
    const [joined] = (await network().find(OutboxEvent, { type: NETWORK_EVENTS.MEMBER_JOINED }, { orderBy: { position: 'asc' } })).filter(
      (event) => (event.payload as { enterpriseId: string }).enterpriseId === 'hide-and-awl',
    );
    expect(joined).toMatchObject({
      actorSubject: hubAdmin().subject,
      payload: { enterpriseId: 'hide-and-awl', invitationId: null, roles: ['STUDIO_ADMIN'] },
    });
    // Ids and roles only: not the applicant's subject, issuer or any name.
    expect(JSON.stringify(joined.payload)).not.toMatch(/idp-owner|皮与锥|Hide and Awl|http/);
    expect(await network().find(AuditEntry, { operation: 'approveEnterprise', subjectType: 'Membership' })).toEqual([
      expect.objectContaining({ actorSubject: hubAdmin().subject, subjectId: joined.subjectId, changed: ['roles'] }),
    ]);

    // A supplier's applicant gets the supplier's role; a rejected application makes no member.
    const apply = async (id: string, kind: string, subject: string) =>
      t.gql(
        APPLY,
        { input: { id, kind, nameZh: '申请者', nameEn: 'Applicant', region: 'CN-ZJ', alliances: [] }, key: `apply-${id}` },
        { as: await newcomer(subject) },
      );
    expect((await apply('kiln-clay-supply', 'SUPPLIER', 'idp-clay')).errors).toBeUndefined();
    expect((await apply('gone-studio', 'STUDIO', 'idp-gone')).errors).toBeUndefined();
    expect((await approve('kiln-clay-supply', 'approve-2')).errors).toBeUndefined();
    const rejected = await t.gql(
      `mutation($id: ID!, $key: String!) { rejectEnterprise(id: $id, reason: "No licence", idempotencyKey: $key) { status } }`,
      { id: 'gone-studio', key: 'reject-1' },
      { as: hubAdmin() },
    );
    expect(rejected.data.rejectEnterprise.status).toBe('REJECTED');
    expect(await exchange(await idp.token('idp-clay'))).toMatchObject({
      status: 200,
      body: { enterpriseId: 'kiln-clay-supply', roles: ['SUPPLIER'] },
    });
    expect(await exchange(await idp.token('idp-gone'))).toMatchObject({ status: 403, body: { error: { code: NOT_A_MEMBER } } });
  });

  it('refuses the exchange of a suspended enterprise’s member, and exchanges again once it is reinstated', async () => {
    const move = (operation: string, reason?: string) =>
      t.gql(
        `mutation($id: ID!, $key: String!${reason ? ', $reason: String!' : ''}) { ${operation}(id: $id, idempotencyKey: $key${reason ? ', reason: $reason' : ''}) { status } }`,
        { id: STUDIO, key: `${operation}-members`, ...(reason ? { reason } : {}) },
        { as: hubAdmin() },
      );
    expect((await move('suspendEnterprise', 'unpaid fees')).errors).toBeUndefined();
    expect(await exchange(await idp.token('idp-chen'))).toMatchObject({ status: 403, body: { error: { code: 'ENTERPRISE_SUSPENDED' } } });
    expect((await move('reinstateEnterprise')).errors).toBeUndefined();
    expect(await exchange(await idp.token('idp-chen'))).toMatchObject({
      status: 200,
      body: { enterpriseId: STUDIO, roles: ['STUDIO_ADMIN'] },
    });
  });

  it('bounds the exchanges per client address (429 with Retry-After)', async () => {
    let status = 0;
    let retryAfter: string | null = null;
    for (let attempt = 0; attempt < 80 && status !== 429; attempt += 1) {
      const response = await fetch(exchangeUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"token":"x"}',
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      await response.arrayBuffer();
    }
    expect(status).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
