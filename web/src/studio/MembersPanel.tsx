import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage, idempotencyKey } from '../common/client';
import { formatDateTime, useI18n } from '../common/i18n';
import { Empty, HubErrorState, HubRefusal, Loading } from '../common/ui';
import { graphql } from '../gql/hub';
import type { InvitationChannel, Role } from '../gql/hub/graphql';

const MEMBERS = graphql(`
  query StudioMembers($enterpriseId: ID!) {
    enterpriseMembers(enterpriseId: $enterpriseId) {
      id
      displayName
      roles
    }
    memberInvitations(enterpriseId: $enterpriseId) {
      id
      channel
      contact
      displayName
      roles
      expiresAt
    }
  }
`);
const INVITE = graphql(`
  mutation InviteMember($enterpriseId: ID!, $input: InvitationInput!, $idempotencyKey: String!) {
    inviteMember(enterpriseId: $enterpriseId, input: $input, idempotencyKey: $idempotencyKey) {
      url
      invitation {
        id
      }
    }
  }
`);
const REVOKE = graphql(`
  mutation RevokeInvitation($enterpriseId: ID!, $invitationId: ID!, $idempotencyKey: String!) {
    revokeInvitation(enterpriseId: $enterpriseId, invitationId: $invitationId, idempotencyKey: $idempotencyKey) {
      id
      state
    }
  }
`);
const REMOVE = graphql(`
  mutation RemoveMember($enterpriseId: ID!, $membershipId: ID!, $idempotencyKey: String!) {
    removeMember(enterpriseId: $enterpriseId, membershipId: $membershipId, idempotencyKey: $idempotencyKey)
  }
`);

const STUDIO_ROLES: Role[] = ['STUDIO_ADMIN', 'SUPERVISOR', 'OPERATOR'];

/**
 * The studio's members and invitations, for its admins: invite by e-mail or phone with roles (the
 * hub sends nothing: the panel shows the single-use link to copy and send), revoke a pending
 * invitation, remove a member.
 */
export function MembersPanel({ studioId }: { studioId: string }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: MEMBERS, variables: { enterpriseId: studioId } });
  const [invited, invite] = useMutation(INVITE);
  const [revoked, revoke] = useMutation(REVOKE);
  const [removed, remove] = useMutation(REMOVE);
  const [channel, setChannel] = useState<InvitationChannel>('EMAIL');
  const [contact, setContact] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['OPERATOR']);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  // One key per invitation being written: a retry of the same form replays, a new form invites again.
  const key = useRef(idempotencyKey('invite'));
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={reload} />;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setCopied(false);
    const result = await invite({
      enterpriseId: studioId,
      input: { channel, contact, displayName: displayName.trim() || undefined, roles, validHours: 168 },
      idempotencyKey: key.current,
    });
    if (!result.data) return;
    setLink(result.data.inviteMember.url);
    key.current = idempotencyKey('invite');
    setContact('');
    setDisplayName('');
    reload();
  };
  const roleNames = (held: readonly string[]) => held.map((role) => t(`role.${role}`)).join(language === 'zh' ? '、' : ', ');
  return (
    <section className="card" aria-labelledby="members-heading" data-testid="members">
      <h2 id="members-heading">{t('members.title')}</h2>
      <h3>{t('members.current')}</h3>
      {(data?.enterpriseMembers ?? []).length === 0 ? (
        <Empty>{t('members.none')}</Empty>
      ) : (
        <ul className="plain">
          {data!.enterpriseMembers.map((member) => (
            <li key={member.id} className="row">
              <span>
                {member.displayName ?? t('members.unnamed')} · {roleNames(member.roles)}
              </span>
              <button
                type="button"
                disabled={removed.fetching}
                onClick={() =>
                  void remove({ enterpriseId: studioId, membershipId: member.id, idempotencyKey: idempotencyKey('remove') }).then(reload)
                }
              >
                {t('members.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <HubRefusal error={hubMessage(removed.error)} />
      <h3>{t('members.pending')}</h3>
      {(data?.memberInvitations ?? []).length === 0 ? (
        <Empty>{t('members.noInvitations')}</Empty>
      ) : (
        <ul className="plain">
          {data!.memberInvitations.map((invitation) => (
            <li key={invitation.id} className="row">
              <span>
                {invitation.displayName ?? invitation.contact} · {roleNames(invitation.roles)} ·{' '}
                {t('members.expires', { at: formatDateTime(invitation.expiresAt, language) })}
              </span>
              <button
                type="button"
                disabled={revoked.fetching}
                onClick={() =>
                  void revoke({ enterpriseId: studioId, invitationId: invitation.id, idempotencyKey: idempotencyKey('revoke') }).then(
                    reload,
                  )
                }
              >
                {t('members.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <HubRefusal error={hubMessage(revoked.error)} />
      <h3>{t('members.invite')}</h3>
      <form onSubmit={submit}>
        <label>
          {t('members.channel')}
          <select value={channel} onChange={(event) => setChannel(event.target.value as InvitationChannel)}>
            <option value="EMAIL">{t('members.email')}</option>
            <option value="PHONE">{t('members.phone')}</option>
          </select>
        </label>
        <label>
          {channel === 'EMAIL' ? t('members.email') : t('members.phone')}
          <input
            type={channel === 'EMAIL' ? 'email' : 'tel'}
            value={contact}
            required
            maxLength={254}
            onChange={(event) => setContact(event.target.value)}
          />
        </label>
        <label>
          {t('members.displayName')}
          <input value={displayName} maxLength={200} onChange={(event) => setDisplayName(event.target.value)} />
        </label>
        <fieldset>
          <legend>{t('members.roles')}</legend>
          {STUDIO_ROLES.map((role) => (
            <label key={role}>
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(event) => setRoles(event.target.checked ? [...roles, role] : roles.filter((held) => held !== role))}
              />
              {t(`role.${role}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={invited.fetching || roles.length === 0}>
          {t('members.send')}
        </button>
        <HubRefusal error={hubMessage(invited.error)} />
      </form>
      {link ? (
        <div role="status" data-testid="invitation-link">
          <label>
            {t('members.link')}
            <input readOnly value={link} onFocus={(event) => event.target.select()} />
          </label>
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard
                ?.writeText(link)
                .then(() => setCopied(true))
                .catch(() => undefined)
            }
          >
            {copied ? t('members.copied') : t('members.copy')}
          </button>
          <p className="small muted">{t('members.linkNote')}</p>
        </div>
      ) : null}
    </section>
  );
}
