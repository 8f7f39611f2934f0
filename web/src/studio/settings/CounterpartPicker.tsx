import { useId } from 'react';
import { nameOf, useI18n } from '../../common/i18n';
import { Empty, Loading } from '../../common/ui';

interface Counterpart {
  id: string;
  nameZh: string;
  nameEn: string;
  status: string;
  kind?: string;
}

/**
 * The enterprise a new relationship names, chosen by its name from the directory's active ones of
 * the right kind that the studio does not name already (`taken`); the hub's refusal of it beside it.
 */
export function CounterpartPicker({
  part,
  directory,
  loading,
  taken,
  value,
  onChange,
  problem,
}: {
  part: 'suppliers' | 'partners';
  directory: readonly Counterpart[];
  loading: boolean;
  taken: readonly string[];
  value: string;
  onChange: (id: string, counterpart: Counterpart | undefined) => void;
  problem: string | null;
}) {
  const { t, language } = useI18n();
  const id = useId();
  if (loading) return <Loading />;
  const candidates = directory
    .filter((enterprise) => enterprise.status === 'ACTIVE' && !taken.includes(enterprise.id))
    .sort((a, b) => nameOf(a, language).localeCompare(nameOf(b, language), language === 'zh' ? 'zh-CN' : 'en'));
  if (candidates.length === 0) return <Empty>{t(`relationships.${part}.noneLeft`)}</Empty>;
  return (
    <label>
      {t(part === 'suppliers' ? 'relationships.suppliers.supplier' : 'relationships.partners.partner')}
      <select
        value={value}
        required
        onChange={(event) =>
          onChange(
            event.target.value,
            candidates.find((enterprise) => enterprise.id === event.target.value),
          )
        }
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
      >
        <option value="">{t(`relationships.${part}.choose`)}</option>
        {candidates.map((enterprise) => (
          <option key={enterprise.id} value={enterprise.id}>
            {/* A workshop and a kitchen are both partners: say which. */}
            {enterprise.kind && part === 'partners'
              ? `${nameOf(enterprise, language)} · ${t(`enterpriseKind.${enterprise.kind}`)}`
              : nameOf(enterprise, language)}
          </option>
        ))}
      </select>
      {problem ? (
        <span className="field-problem" id={`${id}-problem`}>
          {problem}
        </span>
      ) : null}
    </label>
  );
}
