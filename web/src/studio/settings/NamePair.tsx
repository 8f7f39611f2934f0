/** A name in Chinese and in English, side by side: what the studio's products, families and routes are called. */
export function NamePair({
  labels,
  names,
  onChange,
  required,
}: {
  labels: { zh: string; en: string };
  names: { nameZh: string; nameEn: string };
  onChange: (names: { nameZh: string; nameEn: string }) => void;
  required: boolean;
}) {
  return (
    <div className="row">
      <label>
        {labels.zh}
        <input
          value={names.nameZh}
          onChange={(event) => onChange({ ...names, nameZh: event.target.value })}
          maxLength={200}
          required={required}
          lang="zh-CN"
        />
      </label>
      <label>
        {labels.en}
        <input
          value={names.nameEn}
          onChange={(event) => onChange({ ...names, nameEn: event.target.value })}
          maxLength={200}
          required={required}
          lang="en"
        />
      </label>
    </div>
  );
}
