import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage } from '../common/client';
import { useI18n } from '../common/i18n';
import { Empty, HubErrorState, HubRefusal, Loading } from '../common/ui';
import { graphql } from '../gql/hub';
import { useMayUse } from '../signin/permissions';

const DELAY_POLICY = graphql(`
  query StudioDelayPolicy($studioId: ID!) {
    delayPolicy(studioId: $studioId) {
      studioId
      compensationOptions
    }
  }
`);
const SET_DELAY_COMPENSATION = graphql(`
  mutation SetDelayCompensation($studioId: ID!, $options: [String!]!) {
    setDelayCompensation(studioId: $studioId, options: $options) {
      studioId
      compensationOptions
    }
  }
`);

const MAX_OPTIONS = 10;
const MAX_LENGTH = 200;

/**
 * What the studio offers a customer whose order runs late (a discount, gift wrap, faster
 * shipping …): each later delay notice carries these options. Leads change them; staff read them.
 */
export function DelaySettings({ studioId }: { studioId: string }) {
  const { t } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DELAY_POLICY, variables: { studioId } });
  const [saved, save] = useMutation(SET_DELAY_COMPENSATION);
  // The lead's edits, until then what the hub holds.
  const [edited, setOptions] = useState<string[] | null>(null);
  const [done, setDone] = useState(false);
  const current = data?.delayPolicy?.compensationOptions;
  const options = edited ?? current ?? [];
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const editable = may(SET_DELAY_COMPENSATION);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const result = await save({ studioId, options: options.map((option) => option.trim()).filter(Boolean) });
    if (result.data) setDone(true);
  };
  return (
    <section className="card" aria-labelledby="delay-settings-heading" data-testid="delay-settings">
      <h2 id="delay-settings-heading">{t('board.compensationTitle')}</h2>
      <p className="muted">{t('board.compensationIntro')}</p>
      {!editable ? (
        (current ?? []).length === 0 ? (
          <Empty>{t('board.noCompensation')}</Empty>
        ) : (
          <ul>
            {(current ?? []).map((option) => (
              <li key={option}>{option}</li>
            ))}
          </ul>
        )
      ) : (
        <form onSubmit={submit}>
          {options.length === 0 ? <p className="muted">{t('board.noCompensation')}</p> : null}
          <ol className="plain">
            {options.map((option, index) => (
              <li key={index} className="row">
                <label>
                  {t('board.compensationOption', { n: index + 1 })}
                  <input
                    value={option}
                    maxLength={MAX_LENGTH}
                    required
                    onChange={(event) => setOptions(options.map((other, at) => (at === index ? event.target.value : other)))}
                  />
                </label>
                <button type="button" onClick={() => setOptions(options.filter((_, at) => at !== index))}>
                  {t('board.removeOption')}
                </button>
              </li>
            ))}
          </ol>
          <div className="button-row">
            {options.length < MAX_OPTIONS ? (
              <button type="button" onClick={() => setOptions([...options, ''])}>
                {t('board.addOption')}
              </button>
            ) : null}
            <button type="submit" className="primary" disabled={saved.fetching}>
              {t('board.saveCompensation')}
            </button>
          </div>
          {done ? (
            <p role="status" className="small">
              {t('board.compensationSaved')}
            </p>
          ) : null}
          <HubRefusal error={hubMessage(saved.error)} />
        </form>
      )}
    </section>
  );
}
