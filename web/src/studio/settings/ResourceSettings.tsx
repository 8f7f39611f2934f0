import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../common/Confirm';
import { hubMessage, idempotencyKey } from '../../common/client';
import { labelOf, useI18n } from '../../common/i18n';
import { Empty, HubErrorState, HubRefusal, Loading, Section } from '../../common/ui';
import { graphql } from '../../gql/hub';
import type { SettingsOperatorsQuery, SettingsWorkCentersQuery, WorkCenterKind } from '../../gql/hub/graphql';
import { useMayUse } from '../../signin/permissions';
import { formatChinaDay } from './CalendarSettings';
import { STAGE_CODES, WORK_PHASES } from './MaterialSettings';

export const WORK_CENTERS = graphql(`
  query SettingsWorkCenters($studioId: ID!) {
    workCenters(enterpriseId: $studioId) {
      id
      code
      nameZh
      nameEn
      kind
      capacityPerBatch
      batchMinutes
      setupMinutes
    }
  }
`);

const UPSERT_WORK_CENTER = graphql(`
  mutation UpsertWorkCenter($input: WorkCenterInput!, $key: String!) {
    upsertWorkCenter(input: $input, idempotencyKey: $key) {
      id
      code
    }
  }
`);

const REMOVE_WORK_CENTER = graphql(`
  mutation RemoveWorkCenter($studioId: ID!, $code: String!, $key: String!) {
    removeWorkCenter(enterpriseId: $studioId, code: $code, idempotencyKey: $key)
  }
`);

const OPERATORS = graphql(`
  query SettingsOperators($studioId: ID!) {
    studioOperators(enterpriseId: $studioId) {
      id
      code
      penName
      skills
      leave {
        from
        to
      }
    }
  }
`);

/** The operators' real names: the studio's leads' only, asked for apart so others' panels do not. */
const OPERATOR_NAMES = graphql(`
  query SettingsOperatorNames($studioId: ID!) {
    studioOperators(enterpriseId: $studioId) {
      id
      realName
      shiftHours {
        weekday
        start
        end
      }
    }
  }
`);

const UPSERT_OPERATOR = graphql(`
  mutation UpsertStudioOperator($input: StudioOperatorInput!, $key: String!) {
    upsertStudioOperator(input: $input, idempotencyKey: $key) {
      id
      code
    }
  }
`);

const REMOVE_OPERATOR = graphql(`
  mutation RemoveStudioOperator($studioId: ID!, $code: String!, $key: String!) {
    removeStudioOperator(enterpriseId: $studioId, code: $code, idempotencyKey: $key)
  }
`);

const ADD_LEAVE = graphql(`
  mutation AddOperatorLeave($studioId: ID!, $code: String!, $leave: LeaveDaysInput!, $key: String!) {
    addOperatorLeave(enterpriseId: $studioId, code: $code, leave: $leave, idempotencyKey: $key) {
      id
      leave {
        from
        to
      }
    }
  }
`);

const KINDS: WorkCenterKind[] = ['KILN', 'OVEN', 'CUTTING_TABLE', 'SEWING_STATION', 'WORKBENCH', 'PAINTING_DESK', 'PACKING_TABLE', 'OTHER'];
type WorkCenter = SettingsWorkCentersQuery['workCenters'][number];
type Operator = SettingsOperatorsQuery['studioOperators'][number];

export function ResourceSettings({ studioId }: { studioId: string }) {
  const { t } = useI18n();
  return (
    <>
      <Section title={t('settings.workCenters.title')} id="settings-work-centers">
        <p className="muted">{t('settings.workCenters.intro')}</p>
        <WorkCenters studioId={studioId} />
      </Section>
      <Section title={t('settings.operators.title')} id="settings-operators">
        <p className="muted">{t('settings.operators.intro')}</p>
        <Operators studioId={studioId} />
      </Section>
    </>
  );
}

function WorkCenters({ studioId }: { studioId: string }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: WORK_CENTERS, variables: { studioId } });
  const [removed, remove] = useMutation(REMOVE_WORK_CENTER);
  const [editing, setEditing] = useState<WorkCenter | 'new' | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={reload} />;
  const centers = data?.workCenters ?? [];
  const editable = may(UPSERT_WORK_CENTER);
  return (
    <>
      {centers.length === 0 ? (
        <Empty>{t('settings.workCenters.none')}</Empty>
      ) : (
        <ul className="plain resource-list" data-testid="work-centers">
          {centers.map((center) => {
            const name = language === 'zh' ? center.nameZh : center.nameEn;
            return (
              <li key={center.id}>
                <strong>{name}</strong> <span className="badge">{t(`settings.workCenters.kind.${center.kind}`)}</span>
                <p className="small muted">
                  {t('settings.workCenters.terms', {
                    capacity: center.capacityPerBatch,
                    minutes: center.batchMinutes,
                    setup: center.setupMinutes,
                  })}
                </p>
                {editable ? (
                  <div className="button-row">
                    <button type="button" onClick={() => setEditing(center)} aria-label={t('settings.editOne', { name })}>
                      {t('settings.edit')}
                    </button>
                    <ConfirmButton
                      label={t('settings.remove')}
                      title={t('settings.workCenters.removeTitle', { name })}
                      consequence={t('settings.workCenters.removeConsequence')}
                      confirmLabel={t('settings.remove')}
                      onConfirm={async () =>
                        (await remove({ studioId, code: center.code, key: idempotencyKey('wc-remove') })).data && reload()
                      }
                    />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <HubRefusal error={hubMessage(removed.error)} />
      {editable && !editing ? (
        <button type="button" onClick={() => setEditing('new')}>
          {t('settings.workCenters.add')}
        </button>
      ) : null}
      {editing ? (
        <WorkCenterForm
          key={editing === 'new' ? 'new' : editing.id}
          studioId={studioId}
          center={editing === 'new' ? null : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) reload();
          }}
        />
      ) : null}
    </>
  );
}

function WorkCenterForm({ studioId, center, onDone }: { studioId: string; center: WorkCenter | null; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const [state, upsert] = useMutation(UPSERT_WORK_CENTER);
  const key = useRef(idempotencyKey('wc'));
  const [form, setForm] = useState<{
    code: string;
    nameZh: string;
    nameEn: string;
    kind: WorkCenterKind;
    capacityPerBatch: number;
    batchMinutes: number;
    setupMinutes: number;
  }>({
    code: center?.code ?? '',
    nameZh: center?.nameZh ?? '',
    nameEn: center?.nameEn ?? '',
    kind: center?.kind ?? 'WORKBENCH',
    capacityPerBatch: center?.capacityPerBatch ?? 1,
    batchMinutes: center?.batchMinutes ?? 60,
    setupMinutes: center?.setupMinutes ?? 0,
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await upsert({ key: key.current, input: { enterpriseId: studioId, ...form, code: form.code.trim() } });
    if (result.data) onDone(true);
  };
  const title = center ? t('settings.workCenters.editTitle') : t('settings.workCenters.addTitle');
  const number = (field: 'capacityPerBatch' | 'batchMinutes' | 'setupMinutes', min: number) => (
    <label>
      {t(`settings.workCenters.${field}`)}
      <input
        type="number"
        min={min}
        max={100_000}
        step={1}
        value={form[field]}
        onChange={(event) => set({ [field]: Math.round(Number(event.target.value)) })}
        required
      />
    </label>
  );
  return (
    <form className="form subsection" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      {center ? null : (
        <label>
          {t('settings.workCenters.code')}
          <input value={form.code} onChange={(event) => set({ code: event.target.value })} maxLength={40} required lang="en" />
          <span className="small muted">{t('settings.codeHint')}</span>
        </label>
      )}
      <label>
        {t('settings.workCenters.nameZh')}
        <input value={form.nameZh} onChange={(event) => set({ nameZh: event.target.value })} maxLength={100} required lang="zh-CN" />
      </label>
      <label>
        {t('settings.workCenters.nameEn')}
        <input value={form.nameEn} onChange={(event) => set({ nameEn: event.target.value })} maxLength={100} required lang="en" />
      </label>
      <label>
        {t('settings.workCenters.kindLabel')}
        <select value={form.kind} onChange={(event) => set({ kind: event.target.value as WorkCenterKind })}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`settings.workCenters.kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {number('capacityPerBatch', 1)}
      {number('batchMinutes', 1)}
      {number('setupMinutes', 0)}
      <div className="button-row">
        <button type="button" onClick={() => onDone(false)}>
          {t('settings.cancel')}
        </button>
        <button type="submit" className="primary" disabled={state.fetching}>
          {t('settings.save')}
        </button>
      </div>
      <HubRefusal error={hubMessage(state.error)} />
    </form>
  );
}

function Operators({ studioId }: { studioId: string }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OPERATORS, variables: { studioId } });
  const leads = may(OPERATOR_NAMES) && may(UPSERT_OPERATOR);
  const [names] = useQuery({ query: OPERATOR_NAMES, variables: { studioId }, pause: !leads });
  const [stages] = useQuery({ query: STAGE_CODES });
  const [removed, remove] = useMutation(REMOVE_OPERATOR);
  const [editing, setEditing] = useState<Operator | 'new' | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={reload} />;
  const operators = data?.studioOperators ?? [];
  const realNames = new Map((names.data?.studioOperators ?? []).map((operator) => [operator.id, operator]));
  const stageCodes = (stages.data?.statusCodes ?? []).filter((code) => WORK_PHASES.includes(code.phase));
  const skillName = (code: string) =>
    labelOf(
      stageCodes.find((entry) => entry.code === code),
      language,
    ) || t('settings.bom.unknownStage');
  return (
    <>
      {operators.length === 0 ? (
        <Empty>{t('settings.operators.none')}</Empty>
      ) : (
        <ul className="plain resource-list" data-testid="operators">
          {operators.map((operator) => (
            <li key={operator.id}>
              <strong>{operator.penName}</strong>
              {realNames.get(operator.id)?.realName ? <span className="muted"> · {realNames.get(operator.id)!.realName}</span> : null}
              <p className="small">
                {operator.skills.length === 0
                  ? t('settings.operators.noSkills')
                  : t('settings.operators.skills', { skills: operator.skills.map(skillName).join(t('settings.listSeparator')) })}
              </p>
              {operator.leave.length > 0 ? (
                <p className="small muted">
                  {t('settings.operators.leave', {
                    days: operator.leave
                      .map((leave) =>
                        leave.from === leave.to
                          ? formatChinaDay(leave.from, language)
                          : t('settings.range', { from: formatChinaDay(leave.from, language), to: formatChinaDay(leave.to, language) }),
                      )
                      .join(t('settings.listSeparator')),
                  })}
                </p>
              ) : null}
              {leads ? (
                <div className="button-row">
                  <button type="button" onClick={() => setEditing(operator)} aria-label={t('settings.editOne', { name: operator.penName })}>
                    {t('settings.edit')}
                  </button>
                  <LeaveForm studioId={studioId} operator={operator} onAdded={reload} />
                  <ConfirmButton
                    label={t('settings.remove')}
                    title={t('settings.operators.removeTitle', { name: operator.penName })}
                    consequence={t('settings.operators.removeConsequence')}
                    confirmLabel={t('settings.remove')}
                    onConfirm={async () =>
                      (await remove({ studioId, code: operator.code, key: idempotencyKey('op-remove') })).data && reload()
                    }
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <HubRefusal error={hubMessage(removed.error)} />
      {leads && !editing ? (
        <button type="button" onClick={() => setEditing('new')}>
          {t('settings.operators.add')}
        </button>
      ) : null}
      {editing ? (
        <OperatorForm
          key={editing === 'new' ? 'new' : editing.id}
          studioId={studioId}
          operator={editing === 'new' ? null : editing}
          realName={editing === 'new' ? '' : (realNames.get(editing.id)?.realName ?? '')}
          shiftHours={editing === 'new' ? [] : (realNames.get(editing.id)?.shiftHours ?? [])}
          stageCodes={stageCodes}
          onDone={(saved) => {
            setEditing(null);
            if (saved) reload();
          }}
        />
      ) : null}
    </>
  );
}

function OperatorForm({
  studioId,
  operator,
  realName: knownRealName,
  shiftHours,
  stageCodes,
  onDone,
}: {
  studioId: string;
  operator: Operator | null;
  realName: string;
  shiftHours: { weekday: number; start: string; end: string }[];
  stageCodes: { code: string; labelZh: string; labelEn: string }[];
  onDone: (saved: boolean) => void;
}) {
  const { t, language } = useI18n();
  const [state, upsert] = useMutation(UPSERT_OPERATOR);
  const key = useRef(idempotencyKey('op'));
  const [code, setCode] = useState(operator?.code ?? '');
  const [penName, setPenName] = useState(operator?.penName ?? '');
  const [realName, setRealName] = useState(knownRealName);
  const [skills, setSkills] = useState<string[]>(operator?.skills ?? []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await upsert({
      key: key.current,
      input: {
        enterpriseId: studioId,
        code: code.trim(),
        penName: penName.trim(),
        realName: realName.trim(),
        skills,
        shiftHours: shiftHours.map(({ weekday, start, end }) => ({ weekday, start, end })),
      },
    });
    if (result.data) onDone(true);
  };
  const title = operator ? t('settings.operators.editTitle', { name: operator.penName }) : t('settings.operators.addTitle');
  return (
    <form className="form subsection" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      {operator ? null : (
        <label>
          {t('settings.operators.code')}
          <input value={code} onChange={(event) => setCode(event.target.value)} maxLength={40} required lang="en" />
          <span className="small muted">{t('settings.codeHint')}</span>
        </label>
      )}
      <label>
        {t('settings.operators.penName')}
        <input value={penName} onChange={(event) => setPenName(event.target.value)} maxLength={60} required />
      </label>
      <label>
        {t('settings.operators.realName')}
        <input value={realName} onChange={(event) => setRealName(event.target.value)} maxLength={60} required autoComplete="off" />
      </label>
      <fieldset>
        <legend>{t('settings.operators.skillsLabel')}</legend>
        <div className="choices">
          {stageCodes.map((stage) => (
            <label key={stage.code} className="inline">
              <input
                type="checkbox"
                checked={skills.includes(stage.code)}
                onChange={(event) =>
                  setSkills(event.target.checked ? [...skills, stage.code] : skills.filter((skill) => skill !== stage.code))
                }
              />{' '}
              {labelOf(stage, language)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="button-row">
        <button type="button" onClick={() => onDone(false)}>
          {t('settings.cancel')}
        </button>
        <button type="submit" className="primary" disabled={state.fetching}>
          {t('settings.save')}
        </button>
      </div>
      <HubRefusal error={hubMessage(state.error)} />
    </form>
  );
}

/** Days off for one operator, on top of the studio's calendar. */
function LeaveForm({ studioId, operator, onAdded }: { studioId: string; operator: Operator; onAdded: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [state, add] = useMutation(ADD_LEAVE);
  const key = useRef(idempotencyKey('leave'));
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} aria-label={t('settings.operators.addLeaveFor', { name: operator.penName })}>
        {t('settings.operators.addLeave')}
      </button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await add({ studioId, code: operator.code, leave: { from, to: to || from }, key: key.current });
    if (result.data) {
      key.current = idempotencyKey('leave');
      setOpen(false);
      onAdded();
    }
  };
  return (
    <form className="row" onSubmit={submit} aria-label={t('settings.operators.addLeaveFor', { name: operator.penName })}>
      <label>
        {t('settings.from')}
        <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} required />
      </label>
      <label>
        {t('settings.to')}
        <input type="date" value={to} min={from} onChange={(event) => setTo(event.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={state.fetching || !from}>
        {t('settings.operators.saveLeave')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('settings.cancel')}
      </button>
      <HubRefusal error={hubMessage(state.error)} />
    </form>
  );
}
