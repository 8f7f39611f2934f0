import { type Cell, row, errorCode, mutationOutcome } from '../matrix';

/** An invitation or membership id of the right shape that names nothing: whoever may ask learns NOT_FOUND, no one else anything. */
const NO_INVITATION = 'inv_01ARZ3NDEKTSV4RRFFQ69G5FAV';
const NO_MEMBERSHIP = 'mbr_01ARZ3NDEKTSV4RRFFQ69G5FAV';
const F = 'FORBIDDEN';
/** moyun-studio's members: its STUDIO_ADMIN and hub admins, no one else (not its supervisors or operators). */
const MOYUN_ADMINS = ['UNAUTHENTICATED', 'ALLOWED', 'ALLOWED', F, F, F, F, F, F, F, F, F, F, F];
const read = (result: Parameters<typeof errorCode>[0]) => errorCode(result) ?? 'ALLOWED';

/** The network subgraph's members and invitations (issue 33): the enterprise's own admin role and hub admins only. */
//                 anon               hub          mAdmin       mSup         mOp          yAdmin       gild         kiln         kitchen      supp         cMin         cBasic       cDet         cOther
export const membersCells: Cell[] = [
  {
    name: "moyun-studio's members (its admins)",
    subgraph: 'network',
    query: `{ enterpriseMembers(enterpriseId: "moyun-studio") { id subject displayName roles } }`,
    variables: () => ({}),
    observe: read,
    expected: row(...MOYUN_ADMINS),
  },
  {
    name: "moyun-studio's pending invitations (its admins)",
    subgraph: 'network',
    query: `{ memberInvitations(enterpriseId: "moyun-studio") { id contact roles } }`,
    variables: () => ({}),
    observe: read,
    expected: row(...MOYUN_ADMINS),
  },
  {
    name: "gilding-atelier's members (the partner itself)",
    subgraph: 'network',
    query: `{ enterpriseMembers(enterpriseId: "gilding-atelier") { id } }`,
    variables: () => ({}),
    observe: read,
    expected: row('UNAUTHENTICATED', 'ALLOWED', F, F, F, F, 'ALLOWED', F, F, F, F, F, F, F),
  },
  {
    name: "an identity's memberships (hub admins: the token exchange's service principal)",
    subgraph: 'network',
    query: `{ memberAccess(issuer: "weft-hub", subject: "studio_admin@moyun-studio") { enterpriseId roles } }`,
    variables: () => ({}),
    observe: read,
    expected: row('UNAUTHENTICATED', 'ALLOWED', F, F, F, F, F, F, F, F, F, F, F, F),
  },
  {
    name: 'invite a member to moyun-studio (its admins)',
    subgraph: 'network',
    mutation: true,
    query: `mutation { inviteMember(enterpriseId: "moyun-studio", input: { channel: EMAIL, contact: "matrix@example.com", roles: [OPERATOR] }, idempotencyKey: "matrix-invite") { invitation { id } } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row(...MOYUN_ADMINS),
  },
  {
    name: 'invite a member to gilding-atelier (the partner itself)',
    subgraph: 'network',
    mutation: true,
    query: `mutation { inviteMember(enterpriseId: "gilding-atelier", input: { channel: PHONE, contact: "+86 138 0000 0000", roles: [PARTNER] }, idempotencyKey: "matrix-invite-partner") { invitation { id } } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'ALLOWED', F, F, F, F, 'ALLOWED', F, F, F, F, F, F, F),
  },
  {
    name: "revoke one of moyun-studio's invitations (its admins; the id names none)",
    subgraph: 'network',
    mutation: true,
    query: `mutation { revokeInvitation(enterpriseId: "moyun-studio", invitationId: "${NO_INVITATION}", idempotencyKey: "matrix-revoke") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'NOT_FOUND', F, F, F, F, F, F, F, F, F, F, F),
  },
  {
    name: "change a moyun-studio member's roles (its admins; the id names none)",
    subgraph: 'network',
    mutation: true,
    query: `mutation { changeMemberRoles(enterpriseId: "moyun-studio", membershipId: "${NO_MEMBERSHIP}", roles: [SUPERVISOR], idempotencyKey: "matrix-roles") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'NOT_FOUND', F, F, F, F, F, F, F, F, F, F, F),
  },
  {
    name: 'remove a moyun-studio member (its admins; the id names none)',
    subgraph: 'network',
    mutation: true,
    query: `mutation { removeMember(enterpriseId: "moyun-studio", membershipId: "${NO_MEMBERSHIP}", idempotencyKey: "matrix-remove") }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'NOT_FOUND', 'NOT_FOUND', F, F, F, F, F, F, F, F, F, F, F),
  },
  {
    name: 'accept an invitation (anyone signed in with an enterprise role, or a newcomer; this link names none)',
    subgraph: 'network',
    mutation: true,
    query: `mutation { acceptInvitation(token: "${'x'.repeat(43)}", idempotencyKey: "matrix-accept") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row(
      'UNAUTHENTICATED',
      F,
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
      F,
      F,
      F,
      F,
    ),
  },
];
