import { useI18n } from '../../common/i18n';
import type { HubMessage } from '../../common/hub-message';
import { HubRefusal, SupportCode } from '../../common/ui';
import { refusedField } from './route-draft';

/** "Stage 2, standard minutes" / "第 2 道工序的标准工时": the input a refusal or a check names, in words. */
export function useFieldName() {
  const { t, exists } = useI18n();
  return (step: number | null, name: string) => {
    const field = exists(`catalogue.field.${name}`) ? t(`catalogue.field.${name}`) : t('catalogue.field.code');
    return step === null ? field : t('catalogue.field.inStage', { n: step + 1, field });
  };
}

/**
 * The hub's refusal of a catalogue change, in the reader's words: the field it names
 * (`extensions.field`) and its rule (`extensions.reason`), with the support code folded away.
 * Anything else (a role refused, the hub away) reads as every other refusal does (HubRefusal).
 */
export function CatalogueRefusal({ error }: { error: HubMessage | null }) {
  const { t, exists } = useI18n();
  const fieldName = useFieldName();
  if (!error) return null;
  const field = refusedField(error.field);
  if (error.code !== 'BAD_USER_INPUT' || !error.reason || !exists(`catalogue.reason.${error.reason}`)) return <HubRefusal error={error} />;
  const reason = t(`catalogue.reason.${error.reason}`);
  return (
    <div className="refusal" role="alert" data-code={error.reason} data-field={error.field ?? undefined} data-detail={error.message}>
      <p>{field ? t('catalogue.refusedAt', { field: fieldName(field.step, field.name), reason }) : reason}</p>
      <SupportCode error={error} />
    </div>
  );
}
