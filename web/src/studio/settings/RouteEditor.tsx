import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { hubMessage, idempotencyKey } from '../../common/client';
import { useI18n } from '../../common/i18n';
import { graphql } from '../../gql/hub';
import { CatalogueRefusal, useFieldName } from './CatalogueRefusal';
import { NamePair } from './NamePair';
import { useStageLabel, useWorkCenterName, type CatalogueRoute, type StageCode } from './catalogue-data';
import { WORK_PHASES } from './MaterialSettings';
import type { RouteStepShape } from './route-diff';
import { draftProblems, refusedField, ROUTE_LIMITS } from './route-draft';

export const SAVE_ROUTE = graphql(`
  mutation SettingsSaveRoute($studioId: ID!, $input: RouteInput!, $key: String!) {
    saveRoute(studioId: $studioId, input: $input, idempotencyKey: $key) {
      studioId
      code
      currentVersion
    }
  }
`);

const PHASES = ['ORDER', 'DESIGN', 'MATERIAL', 'PRODUCTION', 'QUALITY', 'LOGISTICS', 'CLOSURE'];
const ROUTE_CODE_PATTERN = '[A-Z][A-Z0-9_\\-]{0,39}';

interface DraftStep extends RouteStepShape {
  /** The row's identity while it is dragged about (a new stage has no status code yet). */
  id: string;
}
type WorkCenterOption = { code: string; nameZh: string; nameEn: string };

let drafted = 0;
const draftId = () => `stage-${++drafted}`;
const draftOf = (route: CatalogueRoute | null): DraftStep[] =>
  (route?.steps ?? []).map((step) => ({
    id: draftId(),
    statusCode: step.statusCode.code,
    standardMinutes: step.standardMinutes,
    qcCheckpoint: step.qcCheckpoint,
    workCenterCode: step.workCenterCode ?? null,
    skill: step.skill ?? null,
    partnerAllowed: step.partnerAllowed,
  }));
const blankStep = (): DraftStep => ({
  id: draftId(),
  statusCode: '',
  standardMinutes: 60,
  qcCheckpoint: false,
  workCenterCode: null,
  skill: null,
  partnerAllowed: true,
});
const inputOf = ({ statusCode, standardMinutes, qcCheckpoint, workCenterCode, skill, partnerAllowed }: DraftStep) => ({
  statusCode,
  standardMinutes,
  qcCheckpoint,
  workCenterCode: workCenterCode || null,
  skill: skill || null,
  partnerAllowed,
});

/**
 * A route's stages, edited whole and saved as a new version (saveRoute), or read only for a role
 * that may not change routes. Stages are reordered by dragging their handle or, from the keyboard,
 * by picking the handle up with Space and moving it with the arrow keys (dnd-kit's keyboard
 * sensor), with each move announced in the reader's language.
 */
export function RouteEditor({
  studioId,
  route,
  stageCodes,
  labelled,
  workCenters,
  editable,
  onSaved,
  onClose,
  takenCodes,
}: {
  studioId: string;
  route: CatalogueRoute | null;
  stageCodes: readonly StageCode[];
  labelled: readonly { code: string; labelZh: string; labelEn: string }[];
  workCenters: readonly WorkCenterOption[];
  editable: boolean;
  onSaved: (code: string) => void;
  onClose: () => void;
  /** The studio's route codes: a new route may not take one (saving would make it a version of that route). */
  takenCodes: readonly string[];
}) {
  const { t } = useI18n();
  const stageLabel = useStageLabel(labelled);
  const centerName = useWorkCenterName(workCenters);
  const fieldName = useFieldName();
  const [steps, setSteps] = useState<DraftStep[]>(() => (route ? draftOf(route) : [blankStep()]));
  const [names, setNames] = useState({ code: route?.code ?? '', nameZh: route?.nameZh ?? '', nameEn: route?.nameEn ?? '' });
  const [checked, setChecked] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [state, save] = useMutation(SAVE_ROUTE);
  const key = useRef(idempotencyKey('route'));
  const known = useMemo(() => new Set(stageCodes.map((code) => code.code)), [stageCodes]);
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const original = useMemo(() => JSON.stringify(draftOf(route).map(inputOf)), [route]);
  const dirty =
    JSON.stringify(steps.map(inputOf)) !== original ||
    (route !== null && (names.nameZh !== (route.nameZh ?? '') || names.nameEn !== (route.nameEn ?? '')));
  const problems = draftProblems(steps, known);
  const codeTaken = route === null && takenCodes.includes(names.code.trim().toUpperCase());
  const refused = refusedField(hubMessage(state.error)?.field);
  const invalid = (index: number, attribute: string) =>
    (checked && problems.some((problem) => problem.step === index && problem.attribute === attribute)) ||
    (refused?.step === index && refused.name === attribute);

  if (!editable) return <RouteStages route={route} labelled={labelled} workCenters={workCenters} />;

  const update = (index: number, patch: Partial<DraftStep>) => {
    setOutcome(null);
    setSteps(steps.map((step, at) => (at === index ? { ...step, ...patch } : step)));
  };
  const positionOf = (id: string | number) => steps.findIndex((step) => step.id === id) + 1;
  const nameOfStep = (id: string | number) =>
    stageLabel(steps.find((step) => step.id === id)?.statusCode) || t('catalogue.editor.chooseStatus');
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      t('catalogue.editor.announce.pickedUp', { name: nameOfStep(active.id), n: positionOf(active.id), total: steps.length }),
    onDragOver: ({ active, over }) =>
      over
        ? t('catalogue.editor.announce.movedOver', { name: nameOfStep(active.id), n: positionOf(over.id), total: steps.length })
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('catalogue.editor.announce.dropped', { name: nameOfStep(active.id), n: positionOf(over.id), total: steps.length })
        : undefined,
    onDragCancel: ({ active }) => t('catalogue.editor.announce.cancelled', { name: nameOfStep(active.id), n: positionOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    setOutcome(null);
    setSteps(arrayMove(steps, positionOf(active.id) - 1, positionOf(over.id) - 1));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setOutcome(null);
    if (problems.length || codeTaken) return;
    const result = await save({
      studioId,
      key: key.current,
      input: {
        code: route?.code ?? names.code.trim().toUpperCase(),
        nameZh: names.nameZh.trim() || null,
        nameEn: names.nameEn.trim() || null,
        steps: steps.map(inputOf),
      },
    });
    key.current = idempotencyKey('route');
    if (!result.data) return;
    const version = result.data.saveRoute.currentVersion;
    setOutcome(
      route && version === route.currentVersion
        ? t('catalogue.editor.unchanged', { version })
        : t('catalogue.editor.savedVersion', { version }),
    );
    onSaved(result.data.saveRoute.code);
  };
  const byPhase = PHASES.map((phase) => ({ phase, codes: stageCodes.filter((code) => code.phase === phase) })).filter(
    (group) => group.codes.length,
  );
  const skills = stageCodes.filter((code) => WORK_PHASES.includes(code.phase));
  const firstProblem = checked ? problems[0] : undefined;
  return (
    <form
      className="form route-editor"
      onSubmit={submit}
      aria-label={route ? t('catalogue.editor.stages') : t('catalogue.editor.newTitle')}
      data-testid="route-editor"
    >
      {route ? null : (
        <label>
          {t('catalogue.editor.code')}
          <input
            value={names.code}
            onChange={(event) => setNames({ ...names, code: event.target.value })}
            aria-invalid={(checked && codeTaken) || undefined}
            maxLength={40}
            pattern={ROUTE_CODE_PATTERN}
            required
            lang="en"
            autoCapitalize="characters"
          />
          <span className="small muted">{t('catalogue.editor.codeHint')}</span>
          {checked && codeTaken ? (
            <span className="refusal small" role="alert">
              {t('catalogue.editor.codeTaken')}
            </span>
          ) : null}
        </label>
      )}
      <NamePair
        labels={{ zh: t('catalogue.editor.nameZh'), en: t('catalogue.editor.nameEn') }}
        names={names}
        onChange={(named) => setNames({ ...names, ...named })}
        required={!route}
      />
      <h3 id="route-stages-heading">{t('catalogue.editor.stages')}</h3>
      <p className="small muted" id="route-drag-hint">
        {t('catalogue.editor.dragHint')}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('catalogue.editor.announce.instructions') } }}
      >
        <SortableContext items={steps.map((step) => step.id)} strategy={verticalListSortingStrategy}>
          <ol className="plain route-stages" aria-labelledby="route-stages-heading" data-testid="route-stages">
            {steps.map((step, index) => {
              const label = stageLabel(step.statusCode) || t('catalogue.editor.chooseStatus');
              return (
                <SortableStage
                  key={step.id}
                  id={step.id}
                  n={index + 1}
                  label={label}
                  onRemove={() => {
                    setOutcome(null);
                    setSteps(steps.filter((_, at) => at !== index));
                  }}
                >
                  <div className="route-stage-fields">
                    <label>
                      {t('catalogue.editor.status')}
                      <select
                        value={step.statusCode}
                        onChange={(event) => update(index, { statusCode: event.target.value })}
                        aria-invalid={invalid(index, 'statusCode') || undefined}
                      >
                        <option value="" disabled>
                          {t('catalogue.editor.chooseStatus')}
                        </option>
                        {step.statusCode && !known.has(step.statusCode) ? (
                          <option value={step.statusCode}>{stageLabel(step.statusCode)}</option>
                        ) : null}
                        {byPhase.map((group) => (
                          <optgroup key={group.phase} label={t(`catalogue.phase.${group.phase}`)}>
                            {group.codes.map((code) => (
                              <option key={code.code} value={code.code}>
                                {stageLabel(code.code)}
                              </option>
                            ))}
                          </optgroup>
                        ))}
                      </select>
                    </label>
                    <label>
                      {t('catalogue.editor.minutes')}
                      <input
                        type="number"
                        min={ROUTE_LIMITS.minMinutes}
                        max={ROUTE_LIMITS.maxMinutes}
                        step={1}
                        value={Number.isNaN(step.standardMinutes) ? '' : step.standardMinutes}
                        onChange={(event) =>
                          update(index, { standardMinutes: event.target.value === '' ? Number.NaN : Number(event.target.value) })
                        }
                        aria-invalid={invalid(index, 'standardMinutes') || undefined}
                        required
                      />
                    </label>
                    <label>
                      {t('catalogue.editor.workCenter')}
                      <select
                        value={step.workCenterCode ?? ''}
                        onChange={(event) => update(index, { workCenterCode: event.target.value || null })}
                        aria-invalid={invalid(index, 'workCenterCode') || undefined}
                      >
                        <option value="">{t('catalogue.editor.noWorkCenter')}</option>
                        {step.workCenterCode && !workCenters.some((center) => center.code === step.workCenterCode) ? (
                          <option value={step.workCenterCode}>{t('catalogue.editor.unknownWorkCenter')}</option>
                        ) : null}
                        {workCenters.map((center) => (
                          <option key={center.code} value={center.code}>
                            {centerName(center.code)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      {t('catalogue.editor.skill')}
                      <select
                        value={step.skill ?? ''}
                        onChange={(event) => update(index, { skill: event.target.value || null })}
                        aria-invalid={invalid(index, 'skill') || undefined}
                      >
                        <option value="">{t('catalogue.editor.noSkill')}</option>
                        {step.skill && !skills.some((code) => code.code === step.skill) ? (
                          <option value={step.skill}>{stageLabel(step.skill)}</option>
                        ) : null}
                        {skills.map((code) => (
                          <option key={code.code} value={code.code}>
                            {stageLabel(code.code)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <div className="choices">
                      <label className="inline">
                        <input
                          type="checkbox"
                          checked={step.qcCheckpoint}
                          onChange={(event) => update(index, { qcCheckpoint: event.target.checked })}
                        />
                        {t('catalogue.editor.qc')}
                      </label>
                      <label className="inline">
                        <input
                          type="checkbox"
                          checked={step.partnerAllowed}
                          onChange={(event) => update(index, { partnerAllowed: event.target.checked })}
                        />
                        {t('catalogue.editor.partnerAllowed')}
                      </label>
                    </div>
                  </div>
                </SortableStage>
              );
            })}
          </ol>
        </SortableContext>
      </DndContext>
      <div className="button-row">
        <button
          type="button"
          disabled={steps.length >= ROUTE_LIMITS.steps}
          onClick={() => {
            setOutcome(null);
            setSteps([...steps, blankStep()]);
          }}
        >
          {t('catalogue.editor.addStage')}
        </button>
      </div>
      {firstProblem ? (
        <div className="refusal" role="alert" data-code={firstProblem.reason}>
          <p>
            {firstProblem.step === null
              ? t(`catalogue.reason.${firstProblem.reason}`)
              : t('catalogue.refusedAt', {
                  field: fieldName(firstProblem.step, firstProblem.attribute ?? 'statusCode'),
                  reason: t(`catalogue.reason.${firstProblem.reason}`),
                })}
          </p>
        </div>
      ) : null}
      <CatalogueRefusal error={hubMessage(state.error)} />
      {outcome ? (
        <p role="status" className="saved-note" data-testid="route-saved">
          {outcome}
        </p>
      ) : null}
      <div className="button-row">
        {route ? (
          <button
            type="button"
            disabled={!dirty}
            onClick={() => {
              setChecked(false);
              setSteps(draftOf(route));
              setNames({ code: route.code, nameZh: route.nameZh ?? '', nameEn: route.nameEn ?? '' });
            }}
          >
            {t('catalogue.editor.discard')}
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          {t('catalogue.editor.close')}
        </button>
        <button type="submit" className="primary" disabled={state.fetching || (route !== null && !dirty)}>
          {state.fetching ? t('catalogue.editor.saving') : route ? t('catalogue.editor.save') : t('catalogue.editor.create')}
        </button>
      </div>
    </form>
  );
}

/** One stage in the sortable list: its handle (drag, or Space and the arrow keys) and its fields. */
function SortableStage({
  id,
  n,
  label,
  onRemove,
  children,
}: {
  id: string;
  n: number;
  label: string;
  onRemove: () => void;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    attributes: { roleDescription: t('catalogue.editor.sortable') },
  });
  return (
    <li
      ref={setNodeRef}
      className={`route-stage${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-stage={n}
    >
      <div className="route-stage-head">
        <button
          type="button"
          className="drag-handle"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={t('catalogue.editor.moveHandle', { n, name: label })}
        >
          <span aria-hidden="true">⇅</span>
        </button>
        <span className="stage-number">{t('catalogue.editor.stageNumber', { n })}</span>
        <strong>{label}</strong>
        <button
          type="button"
          className="remove-stage"
          onClick={onRemove}
          aria-label={t('catalogue.editor.removeStage', { n, name: label })}
        >
          {t('catalogue.editor.remove')}
        </button>
      </div>
      {children}
    </li>
  );
}

/** A route's current stages, read only. */
export function RouteStages({
  route,
  labelled,
  workCenters,
}: {
  route: CatalogueRoute | null;
  labelled: readonly { code: string; labelZh: string; labelEn: string }[];
  workCenters: readonly WorkCenterOption[];
}) {
  const { t } = useI18n();
  const stageLabel = useStageLabel(labelled);
  const centerName = useWorkCenterName(workCenters);
  if (!route) return null;
  return (
    <>
      <p className="small muted">{t('catalogue.editor.readOnly')}</p>
      <ol className="plain route-stages read-only" data-testid="route-stages">
        {route.steps.map((step) => (
          <li key={step.position} className="route-stage" data-stage={step.position}>
            <div className="route-stage-head">
              <span className="stage-number">{t('catalogue.editor.stageNumber', { n: step.position })}</span>
              <strong>{stageLabel(step.statusCode.code)}</strong>
              {step.qcCheckpoint ? <span className="badge info">{t('catalogue.editor.qcShort')}</span> : null}
            </div>
            <p className="small">
              {[
                t('catalogue.editor.minutesShort', { minutes: step.standardMinutes }),
                step.workCenterCode ? centerName(step.workCenterCode) : null,
                step.skill ? `${t('catalogue.editor.skill')}${t('catalogue.colon')}${stageLabel(step.skill)}` : null,
                step.partnerAllowed ? t('catalogue.editor.partnerAllowed') : t('catalogue.editor.partnerNotAllowed'),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
