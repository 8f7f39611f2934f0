import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { hubMessage, idempotencyKey } from '../../common/client';
import { useI18n } from '../../common/i18n';
import { graphql } from '../../gql/hub';
import { CatalogueRefusal } from './CatalogueRefusal';
import { NamePair } from './NamePair';
import { nameIn, type Catalogue, type CatalogueProduct } from './catalogue-data';

export const UPSERT_PRODUCT = graphql(`
  mutation SettingsUpsertProduct($studioId: ID!, $input: CatalogueProductInput!, $key: String!) {
    upsertProduct(studioId: $studioId, input: $input, idempotencyKey: $key) {
      studioId
      productCode
    }
  }
`);

const UPSERT_FAMILY = graphql(`
  mutation SettingsUpsertProductFamily($studioId: ID!, $input: ProductFamilyInput!, $key: String!) {
    upsertProductFamily(studioId: $studioId, input: $input, idempotencyKey: $key) {
      studioId
      code
    }
  }
`);

const NEW_FAMILY = '\u0000new';
/** The hub's shapes (subgraphs/orders/catalogue-rules.ts), so the browser stops a wrong code before sending it. */
const PRODUCT_CODE_PATTERN = '[A-Z]{2,5}-[A-Z0-9\\-]{1,60}';
const FAMILY_CODE_PATTERN = '[A-Z][A-Z0-9_\\-]{0,39}';

/** Yuan as typed ("68.8") to fen; blank is no price. */
const fenOf = (yuan: string) => (yuan.trim() === '' ? null : Math.round(Number(yuan) * 100));

/** A product, created or replaced whole (upsertProduct); a new family first when the studio names one. */
export function ProductForm({
  studioId,
  product,
  catalogue,
  onDone,
}: {
  studioId: string;
  product: CatalogueProduct | null;
  catalogue: Catalogue;
  onDone: (savedCode: string | null) => void;
}) {
  const { t, language } = useI18n();
  const [state, upsert] = useMutation(UPSERT_PRODUCT);
  const [familyState, upsertFamily] = useMutation(UPSERT_FAMILY);
  const keys = useRef({ product: idempotencyKey('product'), family: idempotencyKey('family') });
  const [form, setForm] = useState({
    productCode: product?.productCode ?? '',
    nameZh: product?.nameZh ?? '',
    nameEn: product?.nameEn ?? '',
    family: product?.familyCode ?? catalogue.families[0]?.code ?? NEW_FAMILY,
    routeCode: product?.routeCode ?? catalogue.routes[0]?.code ?? '',
    shopSkus: (product?.shopSkus ?? []).join('\n'),
    price: product?.priceCents === null || product?.priceCents === undefined ? '' : String(product.priceCents / 100),
  });
  const [family, setFamily] = useState({ code: '', nameZh: '', nameEn: '' });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let familyCode = form.family;
    if (familyCode === NEW_FAMILY) {
      const made = await upsertFamily({
        studioId,
        key: keys.current.family,
        input: { code: family.code.trim().toUpperCase(), nameZh: family.nameZh.trim(), nameEn: family.nameEn.trim() },
      });
      if (!made.data) {
        keys.current.family = idempotencyKey('family');
        return;
      }
      familyCode = made.data.upsertProductFamily.code;
    }
    const result = await upsert({
      studioId,
      key: keys.current.product,
      input: {
        productCode: form.productCode.trim().toUpperCase(),
        nameZh: form.nameZh.trim(),
        nameEn: form.nameEn.trim(),
        family: familyCode,
        routeCode: form.routeCode,
        shopSkus: form.shopSkus
          .split(/[\n;,]/)
          .map((sku) => sku.trim().toUpperCase())
          .filter(Boolean),
        priceCents: fenOf(form.price),
      },
    });
    if (result.data) onDone(result.data.upsertProduct.productCode);
    // A refused product is sent again with a new key once corrected (the same key with other input is a conflict).
    else keys.current.product = idempotencyKey('product');
  };
  const title = product ? t('catalogue.products.editTitle', { name: nameIn(product, language) }) : t('catalogue.products.addTitle');
  return (
    <form className="form subsection" onSubmit={submit} aria-label={title} data-testid="product-form">
      <h3>{title}</h3>
      <label>
        {t('catalogue.products.code')}
        <input
          value={form.productCode}
          onChange={(event) => set({ productCode: event.target.value })}
          readOnly={product !== null}
          maxLength={66}
          pattern={PRODUCT_CODE_PATTERN}
          required
          lang="en"
          autoCapitalize="characters"
        />
        {product ? null : <span className="small muted">{t('catalogue.products.codeHint')}</span>}
      </label>
      <NamePair
        labels={{ zh: t('catalogue.products.nameZh'), en: t('catalogue.products.nameEn') }}
        names={form}
        onChange={(names) => set(names)}
        required
      />
      <label>
        {t('catalogue.products.family')}
        <select value={form.family} onChange={(event) => set({ family: event.target.value })} required>
          {catalogue.families.map((option) => (
            <option key={option.code} value={option.code}>
              {nameIn(option, language)}
            </option>
          ))}
          <option value={NEW_FAMILY}>{t('catalogue.products.newFamily')}</option>
        </select>
      </label>
      {form.family === NEW_FAMILY ? (
        <fieldset className="form">
          <legend>{t('catalogue.products.newFamily')}</legend>
          <label>
            {t('catalogue.products.familyCode')}
            <input
              value={family.code}
              onChange={(event) => setFamily({ ...family, code: event.target.value })}
              maxLength={40}
              pattern={FAMILY_CODE_PATTERN}
              required
              lang="en"
              autoCapitalize="characters"
            />
          </label>
          <NamePair
            labels={{ zh: t('catalogue.products.familyNameZh'), en: t('catalogue.products.familyNameEn') }}
            names={family}
            onChange={(names) => setFamily({ ...family, ...names })}
            required
          />
        </fieldset>
      ) : null}
      <label>
        {t('catalogue.products.route')}
        <select value={form.routeCode} onChange={(event) => set({ routeCode: event.target.value })} required>
          <option value="" disabled>
            {t('catalogue.products.chooseRoute')}
          </option>
          {catalogue.routes.map((route) => (
            <option key={route.code} value={route.code}>
              {nameIn(route, language) || t('catalogue.products.unnamedRoute')}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('catalogue.products.shopSkus')}
        <textarea value={form.shopSkus} onChange={(event) => set({ shopSkus: event.target.value })} rows={3} lang="en" maxLength={4200} />
        <span className="small muted">{t('catalogue.products.shopSkusHint')}</span>
      </label>
      <label>
        {t('catalogue.products.priceYuan')}
        <input
          type="number"
          min={0}
          step={0.01}
          inputMode="decimal"
          value={form.price}
          onChange={(event) => set({ price: event.target.value })}
        />
      </label>
      <div className="button-row">
        <button type="button" onClick={() => onDone(null)}>
          {t('settings.cancel')}
        </button>
        <button type="submit" className="primary" disabled={state.fetching || familyState.fetching}>
          {t('settings.save')}
        </button>
      </div>
      <CatalogueRefusal error={hubMessage(familyState.error) ?? hubMessage(state.error)} />
    </form>
  );
}
