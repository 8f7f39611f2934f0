import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage } from '../common/client';
import { useI18n } from '../common/i18n';
import { HubRefusal, Loading, Section } from '../common/ui';
import { graphql } from '../gql/customer';

const PREFERENCES = graphql(`
  query NotificationPreferences($orderId: ID!) {
    notificationPreferences(orderId: $orderId) {
      channel
      language
      quietHours {
        start
        end
      }
      timeZone
      dailyDigest
      digestHour
      dailyCap
    }
    notificationBinding(orderId: $orderId) {
      wechatBound
    }
  }
`);

const SET_PREFERENCES = graphql(`
  mutation SetNotificationPreferences($orderId: ID!, $input: NotificationPreferencesInput!) {
    setNotificationPreferences(orderId: $orderId, input: $input) {
      channel
      language
      wechatBound
      quietHours {
        start
        end
      }
      timeZone
      dailyDigest
      digestHour
      dailyCap
    }
  }
`);

interface Form {
  channel: 'WECHAT' | 'NONE';
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  dailyDigest: boolean;
  digestHour: number;
  dailyCap: number;
}

/**
 * How the customer is told of their order: the same settings WeChat messages follow, in the
 * language of this page. Where to reach them is not asked: WeChat is offered when the shop
 * gave the studio their WeChat account with the order, and otherwise said to be unavailable,
 * with why. A full replace: saving twice is harmless.
 */
export function Preferences({ orderId }: { orderId: string }) {
  const { t, language } = useI18n();
  const [{ data, fetching }] = useQuery({ query: PREFERENCES, variables: { orderId } });
  const [{ fetching: saving, error }, save] = useMutation(SET_PREFERENCES);
  const [form, setForm] = useState<Form | null>(null);
  const [saved, setSaved] = useState(false);
  const bound = data?.notificationBinding?.wechatBound ?? false;

  useEffect(() => {
    if (!data || form) return;
    const current = data.notificationPreferences;
    const channel = current?.channel ?? (bound ? 'WECHAT' : 'NONE');
    setForm({
      channel: channel === 'WECHAT' && !bound ? 'NONE' : channel,
      quiet: !!current?.quietHours,
      quietStart: current?.quietHours?.start ?? '22:00',
      quietEnd: current?.quietHours?.end ?? '08:00',
      dailyDigest: current?.dailyDigest ?? false,
      digestHour: current?.digestHour ?? 20,
      dailyCap: current?.dailyCap ?? 5,
    });
  }, [data, form, bound]);

  const update = (patch: Partial<Form>) => {
    setSaved(false);
    setForm((previous) => (previous ? { ...previous, ...patch } : previous));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    const result = await save({
      orderId,
      input: {
        channel: form.channel,
        // Messages speak the language the customer reads this page in.
        language: language === 'zh' ? 'ZH' : 'EN',
        quietHours: form.quiet ? { start: form.quietStart, end: form.quietEnd } : undefined,
        clearQuietHours: form.quiet ? undefined : true,
        dailyDigest: form.dailyDigest,
        digestHour: form.digestHour,
        dailyCap: form.dailyCap,
      },
    });
    if (result.data) setSaved(true);
  };

  return (
    <Section title={t('prefs.title')} id="preferences">
      {fetching && !form ? <Loading /> : null}
      {form ? (
        <form onSubmit={submit} className="form" data-testid="preferences">
          <fieldset>
            <legend>{t('prefs.channel')}</legend>
            <label className="inline">
              <input
                type="radio"
                name="channel"
                checked={form.channel === 'WECHAT'}
                disabled={!bound}
                aria-describedby={bound ? undefined : 'wechat-unavailable'}
                onChange={() => update({ channel: 'WECHAT' })}
              />{' '}
              {t('prefs.wechat')}
            </label>
            {bound ? null : (
              <p className="muted small" id="wechat-unavailable" data-testid="wechat-unavailable">
                {t('prefs.wechatUnavailable')}
              </p>
            )}
            <label className="inline">
              <input type="radio" name="channel" checked={form.channel === 'NONE'} onChange={() => update({ channel: 'NONE' })} />{' '}
              {t('prefs.none')}
            </label>
          </fieldset>
          <p className="muted small">{t('prefs.language')}</p>
          <label className="inline">
            <input type="checkbox" checked={form.quiet} onChange={(event) => update({ quiet: event.target.checked })} />{' '}
            {t('prefs.quietHours')}
          </label>
          {form.quiet ? (
            <div className="row">
              <label>
                {t('prefs.from')}
                <input type="time" value={form.quietStart} onChange={(event) => update({ quietStart: event.target.value })} required />
              </label>
              <label>
                {t('prefs.to')}
                <input type="time" value={form.quietEnd} onChange={(event) => update({ quietEnd: event.target.value })} required />
              </label>
            </div>
          ) : null}
          <label className="inline">
            <input type="checkbox" checked={form.dailyDigest} onChange={(event) => update({ dailyDigest: event.target.checked })} />{' '}
            {t('prefs.digest')}
          </label>
          <div className="row">
            {form.dailyDigest ? (
              <label>
                {t('prefs.digestHour')}
                <input
                  type="number"
                  min={0}
                  max={23}
                  value={form.digestHour}
                  onChange={(event) => update({ digestHour: Number(event.target.value) })}
                  required
                />
              </label>
            ) : null}
            <label>
              {t('prefs.dailyCap')}
              <input
                type="number"
                min={0}
                max={50}
                value={form.dailyCap}
                onChange={(event) => update({ dailyCap: Number(event.target.value) })}
                required
              />
            </label>
          </div>
          <button type="submit" disabled={saving}>
            {t('prefs.save')}
          </button>
          {saved ? (
            <p role="status" className="ok">
              {t('prefs.saved')}
            </p>
          ) : null}
          <HubRefusal error={hubMessage(error)} />
        </form>
      ) : null}
    </Section>
  );
}
