import { useState, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { ConfirmButton } from '../../common/Confirm';
import { hubMessage } from '../../common/client';
import { useI18n } from '../../common/i18n';
import { Empty, HubErrorState, HubRefusal, Loading, Section } from '../../common/ui';

/** What each side's form is given: the row it changes (null: a new one), the counterparts the studio names already, and what to call when done. */
export interface RelationshipFormProps<Row> {
  studioId: string;
  relationship: Row | null;
  /** Counterparts the studio names already: changed from their own row, not named again. */
  taken: string[];
  onDone: (saved: boolean) => void;
}

/**
 * One side of Settings → suppliers and partners: the studio's counterparts of one kind, each with
 * what it has agreed (`details`), and for the studio's admin a form to change it, a confirmed
 * end, and a form to name another. The texts are `relationships.<part>.*`.
 */
export function RelationshipList<Row>({
  part,
  rows,
  fetching,
  error,
  reload,
  idOf,
  nameOf,
  details,
  editable,
  form,
  end,
  ending,
}: {
  part: 'suppliers' | 'partners';
  /** Null until the first answer. */
  rows: Row[] | null;
  fetching: boolean;
  error?: CombinedError;
  reload: () => void;
  idOf: (row: Row) => string;
  nameOf: (row: Row) => string;
  details: (row: Row) => ReactNode;
  editable: boolean;
  /** The form that changes a row, or (row null) names a new counterpart other than those `taken`. */
  form: (row: Row | null, taken: string[], onDone: (saved: boolean) => void) => ReactNode;
  /** Ends a row; true once the hub has. */
  end: (row: Row) => Promise<boolean>;
  ending: { fetching: boolean; error?: CombinedError };
}) {
  const { t } = useI18n();
  // The row whose form is open; '' for a new one.
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const text = (key: string, options?: Record<string, unknown>) => t(`relationships.${part}.${key}`, options);
  const done = (changed: boolean) => {
    setEditing(null);
    setSaved(changed);
    if (changed) reload();
  };
  const open = (id: string) => {
    setSaved(false);
    setEditing(id);
  };
  let body: ReactNode;
  if (fetching && !rows) body = <Loading />;
  else if (error && !rows) body = <HubErrorState error={error} retry={reload} />;
  else
    body = (
      <>
        {!rows?.length ? (
          <Empty>{text('none')}</Empty>
        ) : (
          <ul className="plain resource-list" data-testid={part === 'suppliers' ? 'supplier-relationships' : 'partner-relationships'}>
            {rows.map((row) => {
              const id = idOf(row);
              const name = nameOf(row);
              return (
                <li key={id} {...{ [part === 'suppliers' ? 'data-supplier' : 'data-partner']: id }}>
                  {details(row)}
                  {editable && editing !== id ? (
                    <div className="button-row">
                      <button type="button" onClick={() => open(id)} aria-label={text('editOne', { name })}>
                        {t('settings.edit')}
                      </button>
                      <ConfirmButton
                        label={text('end')}
                        title={text('endTitle', { name })}
                        consequence={text('endConsequence')}
                        confirmLabel={text('end')}
                        disabled={ending.fetching}
                        onConfirm={async () => (await end(row)) && done(true)}
                      />
                    </div>
                  ) : null}
                  {editing === id ? form(row, [], done) : null}
                </li>
              );
            })}
          </ul>
        )}
        <HubRefusal error={hubMessage(ending.error)} />
        {saved ? (
          <p role="status" className="small">
            {text('saved')}
          </p>
        ) : null}
        {editable && editing === null ? (
          <button type="button" onClick={() => open('')}>
            {text('add')}
          </button>
        ) : null}
        {editing === '' ? form(null, (rows ?? []).map(idOf), done) : null}
        {editable ? null : <p className="muted small">{t('relationships.readOnly')}</p>}
      </>
    );
  return (
    <Section title={text('title')} id={`settings-${part}`}>
      <p className="muted">{text('intro')}</p>
      {body}
    </Section>
  );
}
