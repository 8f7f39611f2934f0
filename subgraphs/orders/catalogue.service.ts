import type { EntityManager } from '@mikro-orm/core';
import {
  CATALOGUE_EVENTS,
  cellList,
  cellNumber,
  cellYesNo,
  MAX_IMPORT_PROBLEMS,
  type CatalogueChange,
  type ImportProblemShape,
  type ImportResultShape,
} from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { badInput } from '../../platform/base/errors';
import { forUpdate } from '../../platform/data/database';
import { requireEnterpriseId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { recordEvent } from '../../platform/events/outbox';
import type { CatalogueImportInput, CatalogueProductInput, ProductFamilyInput, RouteInput, RouteStepRowInput } from './catalogue-inputs';
import {
  CatalogueProblem,
  checkedShopSkus,
  checkedSteps,
  optionalPrice,
  optionalText,
  refuseOn,
  requireFamilyCode,
  requireProductCode,
  requireRouteCode,
  requireText,
  sameSteps,
  stepFieldsOf,
  type RouteStepShape,
} from './catalogue-rules';
import {
  CatalogueProduct,
  CatalogueRoute,
  ProductFamily,
  ProductShopSku,
  RouteVersion,
  type RouteStepDefinition,
} from './entities/catalogue';
import { SOURCE } from './progress-log';
import { requireStudioWorkCenters } from './studio-resources';

type Outcome = 'CREATED' | 'UPDATED' | 'UNCHANGED';
type FamilyFields = { code: string; nameZh: string; nameEn: string };
type ProductFields = {
  productCode: string;
  nameZh: string;
  nameEn: string;
  familyCode: string;
  routeCode: string;
  shopSkus: string[];
  priceCents: number | null;
};
type RouteFields = { code: string; nameZh: string | null; nameEn: string | null; steps: RouteStepDefinition[] };

/** The product an order line resolves to, with the route version its order copies. */
export interface ResolvedProduct {
  product: CatalogueProduct;
  route: RouteVersion;
}

const PRODUCT_COMPARED = ['nameZh', 'nameEn', 'familyCode', 'routeCode', 'shopSkus', 'priceCents'] as const;

/**
 * A studio's catalogue: families, products (and the shop SKUs that map to them) and versioned
 * routes. Every change is a `catalogue.*` event with its actor; an import is one event with a
 * summary. Saving a route with different stages makes a new version: orders imported from then
 * on copy it, orders already imported keep the stages they copied.
 */
export class CatalogueService {
  constructor(private readonly clock: () => Date = () => new Date()) {}

  async upsertFamily(ctx: RequestContext<unknown>, studioId: string, input: ProductFamilyInput, key: string): Promise<ProductFamily> {
    requireEnterpriseId(studioId, 'studioId');
    const fields = refuseOn(() => checkedFamily(input, 'input.'));
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'upsertProductFamily', key, { studioId, ...input }, async () => {
        await this.applyFamily(em, ctx, studioId, fields, true);
        return fields.code;
      }),
    );
    return ctx.em.fork().findOneOrFail(ProductFamily, { studioId, code: fields.code }, { filters: false });
  }

  async upsertProduct(
    ctx: RequestContext<unknown>,
    studioId: string,
    input: CatalogueProductInput,
    key: string,
  ): Promise<CatalogueProduct> {
    requireEnterpriseId(studioId, 'studioId');
    const fields = refuseOn(() => checkedProduct(input, 'input.'));
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'upsertProduct', key, { studioId, ...input }, async () => {
        const problem = await this.referenceProblem(em, studioId, fields, 'input.', new Set(), new Set());
        if (problem) throw problem.toError();
        await this.applyProduct(em, ctx, studioId, fields);
        return fields.productCode;
      }),
    );
    return ctx.em.fork().findOneOrFail(CatalogueProduct, { studioId, productCode: fields.productCode }, { filters: false });
  }

  async saveRoute(ctx: RequestContext<unknown>, studioId: string, input: RouteInput, key: string): Promise<CatalogueRoute> {
    requireEnterpriseId(studioId, 'studioId');
    const fields = refuseOn(() => checkedRoute(studioId, input));
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'saveRoute', key, { studioId, ...input }, async () => {
        await requireStudioWorkCenters(em, studioId, fields.steps, (index) => `input.steps[${index}].workCenterCode`);
        await this.applyRoute(em, ctx, studioId, fields, true);
        return fields.code;
      }),
    );
    return ctx.em.fork().findOneOrFail(CatalogueRoute, { studioId, code: fields.code }, { filters: false });
  }

  /**
   * A products sheet and a routes sheet, validated whole (every refused row named) and applied
   * all or nothing in one transaction; a product naming a family the studio lacks creates it
   * (named by its code until renamed). A dry run says what would change and changes nothing.
   */
  async importCatalogue(
    ctx: RequestContext<unknown>,
    studioId: string,
    input: CatalogueImportInput,
    key: string,
  ): Promise<ImportResultShape> {
    requireEnterpriseId(studioId, 'studioId');
    const run = (em: EntityManager) => this.runImport(em, ctx, studioId, input);
    if (input.dryRun) {
      // Computed inside a transaction that is rolled back, so a dry run sees what a real one would.
      let answer: ImportResultShape | undefined;
      await ctx.em
        .fork()
        .transactional(async (em) => {
          answer = await run(em);
          throw ROLLBACK;
        })
        .catch((error) => {
          if (error !== ROLLBACK) throw error;
        });
      return { ...answer!, dryRun: true, applied: false };
    }
    let refused: ImportResultShape | undefined;
    const counts = await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'importCatalogue', key, { studioId, ...input }, async () => {
        const result = await run(em);
        if (result.problems.length) {
          refused = result;
          throw ROLLBACK;
        }
        // What a retry with the key answers again: the idempotency record keeps a short string
        // (80 characters), so nine counts — in all, then the products' and the routes' rows.
        return [result, ...(result.sheets ?? [])].flatMap((counts) => [counts.created, counts.updated, counts.unchanged]).join(':');
      }),
    ).catch((error) => {
      if (error === ROLLBACK) return null;
      throw error;
    });
    if (!counts) return { ...refused!, dryRun: false, applied: false };
    const [created, updated, unchanged, ...bySheet] = counts.split(':').map(Number);
    const sheets = (['products', 'routes'] as const).map((sheet, index) => ({
      sheet,
      created: bySheet[index * 3] ?? 0,
      updated: bySheet[index * 3 + 1] ?? 0,
      unchanged: bySheet[index * 3 + 2] ?? 0,
    }));
    return { dryRun: false, applied: true, created, updated, unchanged, problems: [], sheets };
  }

  /** The product an imported order follows: by the studio's shop SKU, else its product code, else the longest SKU prefix ("TEA-*"), else the first product of the family asked for. */
  async resolveProduct(
    em: EntityManager,
    studioId: string,
    productCode: string,
    familyCode?: string | null,
  ): Promise<ResolvedProduct | null> {
    const mapped = await em.findOne(ProductShopSku, { studioId, shopSku: productCode }, { filters: false });
    let product = await em.findOne(CatalogueProduct, { studioId, productCode: mapped?.productCode ?? productCode }, { filters: false });
    if (!product) {
      const prefixes = await em.find(ProductShopSku, { studioId, shopSku: { $like: '%*' } }, { filters: false });
      const best = prefixes
        .filter((prefix) => productCode.startsWith(prefix.shopSku.slice(0, -1)))
        .sort((a, b) => b.shopSku.length - a.shopSku.length)[0];
      if (best) product = await em.findOne(CatalogueProduct, { studioId, productCode: best.productCode }, { filters: false });
    }
    if (!product && familyCode)
      product = await em.findOne(CatalogueProduct, { studioId, familyCode }, { filters: false, orderBy: { productCode: 'asc' } });
    if (!product) return null;
    const route = await em.findOne(CatalogueRoute, { studioId, code: product.routeCode }, { filters: false });
    if (!route) return null;
    const version = await em.findOneOrFail(
      RouteVersion,
      { studioId, routeCode: route.code, version: route.currentVersion },
      { filters: false },
    );
    return { product, route: version };
  }

  private async runImport(
    em: EntityManager,
    ctx: RequestContext<unknown>,
    studioId: string,
    input: CatalogueImportInput,
  ): Promise<ImportResultShape> {
    const problems: ImportProblemShape[] = [];
    const rowOf = (row: number | null | undefined, index: number) => row ?? index + 2;

    // Routes: rows grouped by route code, each group in position order 1..n.
    // Cells arrive as the studio typed them (contracts/master-data-import.ts reads them).
    const groups = new Map<string, { row: number; position: number; index: number }[]>();
    input.routes.forEach((row, index) => {
      try {
        const code = requireRouteCode(row.routeCode, 'routeCode');
        const position = cellNumber(row.position);
        if (position === undefined) throw new CatalogueProblem('position', 'MISSING', 'position is required');
        if (!Number.isInteger(position) || position < 1 || position > 50)
          throw new CatalogueProblem('position', 'INVALID', 'position must be a whole number from 1 to 50');
        groups.set(code, [...(groups.get(code) ?? []), { row: rowOf(row.row, index), position, index }]);
      } catch (error) {
        problems.push(asProblem(error, 'routes', rowOf(row.row, index)));
      }
    });
    const routes: RouteFields[] = [];
    for (const [code, rows] of groups) {
      const sorted = [...rows].sort((a, b) => a.position - b.position);
      const gap = sorted.findIndex((row, index) => row.position !== index + 1);
      if (gap >= 0) {
        const at = sorted[gap];
        const code_ = sorted[gap - 1]?.position === at.position ? 'DUPLICATE' : 'INVALID';
        problems.push({
          sheet: 'routes',
          row: at.row,
          field: 'position',
          code: code_,
          message: `Route ${code}: positions must run 1, 2, 3 … without gaps or repeats (found ${at.position} at stage ${gap + 1})`,
        });
        continue;
      }
      const steps: RouteStepDefinition[] = [];
      const seen = new Set<string>();
      for (const at of sorted) {
        const row = input.routes[at.index];
        try {
          const [step] = checkedSteps(studioId, [stepOfRow(row)], 'statusCode', () => ({
            statusCode: 'statusCode',
            standardMinutes: 'standardMinutes',
            qcCheckpoint: 'qc',
            workCenterCode: 'workCenterCode',
            skill: 'skill',
            partnerAllowed: 'partnerAllowed',
          }));
          if (seen.has(step.statusCode))
            throw new CatalogueProblem(
              'statusCode',
              'DUPLICATE',
              `Route ${code} already has a stage ${step.statusCode}`,
              'DUPLICATE_STAGE',
            );
          seen.add(step.statusCode);
          steps.push(step);
        } catch (error) {
          problems.push(asProblem(error, 'routes', at.row));
        }
      }
      if (steps.length === sorted.length) routes.push({ code, nameZh: null, nameEn: null, steps });
    }

    // Products: each row whole, then its references (families are created, routes must exist here or in the sheet).
    // The studio's routes and the shop SKUs the sheet names are read once, not once per row.
    const knownRoutes = new Set([
      ...groups.keys(),
      ...(await em.find(CatalogueRoute, { studioId }, { filters: false })).map((route) => route.code),
    ]);
    const sheetSkus = [...new Set(input.products.flatMap((row) => cellList(row.shopSkus, /[;,]/)))];
    const heldSkus = new Map(
      (sheetSkus.length ? await em.find(ProductShopSku, { studioId, shopSku: { $in: sheetSkus } }, { filters: false }) : []).map(
        (mapping) => [mapping.shopSku, mapping.productCode],
      ),
    );
    const products: ProductFields[] = [];
    const claimedSkus = new Map<string, string>();
    const seenProducts = new Set<string>();
    for (const [index, row] of input.products.entries()) {
      const at = rowOf(row.row, index);
      try {
        const fields = checkedProduct(
          {
            productCode: row.productCode ?? '',
            nameZh: row.nameZh ?? '',
            nameEn: row.nameEn ?? '',
            family: row.family ?? '',
            routeCode: row.routeCode ?? '',
            shopSkus: cellList(row.shopSkus, /[;,]/),
            priceCents: cellNumber(row.priceCents),
          },
          '',
        );
        if (seenProducts.has(fields.productCode))
          throw new CatalogueProblem('productCode', 'DUPLICATE', `${fields.productCode} is on an earlier row of the sheet`);
        seenProducts.add(fields.productCode);
        const problem = await this.referenceProblem(em, studioId, fields, '', knownRoutes, null, claimedSkus, heldSkus);
        if (problem) throw problem;
        products.push(fields);
      } catch (error) {
        problems.push(asProblem(error, 'products', at));
      }
      if (problems.length >= MAX_IMPORT_PROBLEMS) break;
    }

    const totals = { CREATED: 0, UPDATED: 0, UNCHANGED: 0 };
    if (problems.length)
      return {
        dryRun: input.dryRun,
        applied: false,
        created: 0,
        updated: 0,
        unchanged: 0,
        problems: problems.slice(0, MAX_IMPORT_PROBLEMS),
      };
    const changed = { routeCodes: [] as string[], productCodes: [] as string[], familyCodes: [] as string[] };
    // Per sheet, by rows (the upload route shows them beside each sheet's row count): a route's
    // outcome counts once for each of its stage rows.
    const bySheet = { products: { CREATED: 0, UPDATED: 0, UNCHANGED: 0 }, routes: { CREATED: 0, UPDATED: 0, UNCHANGED: 0 } };
    const routeOutcomes = await this.applyImportedRoutes(em, ctx, studioId, routes);
    for (const [index, route] of routes.entries()) {
      const outcome = routeOutcomes[index];
      totals[outcome] += 1;
      bySheet.routes[outcome] += route.steps.length;
      if (outcome !== 'UNCHANGED') changed.routeCodes.push(route.code);
    }
    for (const familyCode of new Set(products.map((product) => product.familyCode))) {
      const existing = await em.findOne(ProductFamily, { studioId, code: familyCode }, { filters: false });
      if (existing) continue;
      await this.applyFamily(em, ctx, studioId, { code: familyCode, nameZh: familyCode, nameEn: familyCode }, false);
      totals.CREATED += 1;
      changed.familyCodes.push(familyCode);
    }
    const outcomes = (await this.applyProducts(em, studioId, products)).map(({ outcome }) => outcome);
    for (const [index, product] of products.entries()) {
      const outcome = outcomes[index];
      totals[outcome] += 1;
      bySheet.products[outcome] += 1;
      if (outcome !== 'UNCHANGED') changed.productCodes.push(product.productCode);
    }
    if (!input.dryRun && totals.CREATED + totals.UPDATED > 0)
      recordEvent(em, SOURCE, {
        type: CATALOGUE_EVENTS.IMPORTED,
        subject: { type: 'Catalogue', id: studioId },
        actor: ctx.actor,
        occurredAt: this.clock(),
        payload: {
          studioId,
          created: totals.CREATED,
          updated: totals.UPDATED,
          unchanged: totals.UNCHANGED,
          productCodes: changed.productCodes.slice(0, MAX_IMPORT_PROBLEMS),
          routeCodes: changed.routeCodes.slice(0, MAX_IMPORT_PROBLEMS),
          familyCodes: changed.familyCodes.slice(0, MAX_IMPORT_PROBLEMS),
        },
      });
    await em.flush();
    return {
      dryRun: input.dryRun,
      applied: !input.dryRun,
      created: totals.CREATED,
      updated: totals.UPDATED,
      unchanged: totals.UNCHANGED,
      problems: [],
      sheets: (['products', 'routes'] as const).map((sheet) => ({
        sheet,
        created: bySheet[sheet].CREATED,
        updated: bySheet[sheet].UPDATED,
        unchanged: bySheet[sheet].UNCHANGED,
      })),
    };
  }

  /**
   * What a product names that the studio lacks: its route (unless the same import brings it),
   * its family (unless the import may create it: `knownFamilies` null), or a shop SKU another
   * product holds (in the studio, or on an earlier row of the same import).
   */
  private async referenceProblem(
    em: EntityManager,
    studioId: string,
    fields: ProductFields,
    prefix: string,
    importedRoutes: Set<string>,
    knownFamilies: Set<string> | null,
    claimedSkus = new Map<string, string>(),
    /** The studio's shop SKUs already read (an import reads them once for every row): SKU → product code. */
    heldSkus?: ReadonlyMap<string, string>,
  ): Promise<CatalogueProblem | null> {
    if (
      !importedRoutes.has(fields.routeCode) &&
      !(await em.findOne(CatalogueRoute, { studioId, code: fields.routeCode }, { filters: false }))
    )
      return new CatalogueProblem(
        `${prefix}routeCode`,
        'UNKNOWN_REFERENCE',
        `${prefix}routeCode: ${fields.routeCode} is not a route of ${studioId}`,
        'UNKNOWN_ROUTE',
      );
    if (knownFamilies && !(await em.findOne(ProductFamily, { studioId, code: fields.familyCode }, { filters: false })))
      return new CatalogueProblem(
        `${prefix}family`,
        'UNKNOWN_REFERENCE',
        `${prefix}family: ${fields.familyCode} is not a product family of ${studioId}`,
        'UNKNOWN_FAMILY',
      );
    if (fields.shopSkus.length) {
      const held = heldSkus
        ? fields.shopSkus.filter((shopSku) => heldSkus.has(shopSku)).map((shopSku) => ({ shopSku, productCode: heldSkus.get(shopSku)! }))
        : await em.find(ProductShopSku, { studioId, shopSku: { $in: fields.shopSkus } }, { filters: false });
      const taken = held.find((mapping) => mapping.productCode !== fields.productCode);
      const claimed = fields.shopSkus.find((sku) => claimedSkus.has(sku) && claimedSkus.get(sku) !== fields.productCode);
      const sku = taken?.shopSku ?? claimed;
      if (sku)
        return new CatalogueProblem(
          `${prefix}shopSkus`,
          'DUPLICATE',
          `${prefix}shopSkus: ${sku} already maps to ${taken?.productCode ?? claimedSkus.get(sku)}`,
          'DUPLICATE_SHOP_SKU',
        );
      for (const shopSku of fields.shopSkus) claimedSkus.set(shopSku, fields.productCode);
    }
    return null;
  }

  private async applyFamily(
    em: EntityManager,
    ctx: RequestContext<unknown>,
    studioId: string,
    fields: FamilyFields,
    announce: boolean,
  ): Promise<Outcome> {
    const now = this.clock();
    const existing = await em.findOne(ProductFamily, { studioId, code: fields.code }, { filters: false, ...forUpdate(em) });
    const changed = existing ? (['nameZh', 'nameEn'] as const).filter((key) => existing[key] !== fields[key]) : ['nameZh', 'nameEn'];
    if (existing && changed.length === 0) return 'UNCHANGED';
    const family =
      existing ?? em.create(ProductFamily, { studioId, code: fields.code, nameZh: fields.nameZh, nameEn: fields.nameEn, updatedAt: now });
    if (existing) {
      Object.assign(existing, { nameZh: fields.nameZh, nameEn: fields.nameEn, updatedAt: now });
      existing.revision += 1;
    }
    em.persist(family);
    const change: CatalogueChange = existing ? 'UPDATED' : 'CREATED';
    if (announce)
      recordEvent(em, SOURCE, {
        type: CATALOGUE_EVENTS.FAMILY_CHANGED,
        subject: { type: 'ProductFamily', id: `${studioId}/${fields.code}` },
        actor: ctx.actor,
        occurredAt: now,
        payload: { studioId, familyCode: fields.code, change, changed: [...changed] },
      });
    await em.flush();
    return change;
  }

  /** One product changed through the API: applied as an import applies its rows, and announced. */
  private async applyProduct(em: EntityManager, ctx: RequestContext<unknown>, studioId: string, fields: ProductFields): Promise<void> {
    const now = this.clock();
    const [{ outcome, changed, product }] = await this.applyProducts(em, studioId, [fields]);
    if (outcome === 'UNCHANGED') return;
    recordEvent(em, SOURCE, {
      type: CATALOGUE_EVENTS.PRODUCT_CHANGED,
      subject: { type: 'CatalogueProduct', id: `${studioId}/${fields.productCode}` },
      actor: ctx.actor,
      occurredAt: now,
      payload: {
        studioId,
        productCode: fields.productCode,
        change: outcome,
        revision: product.revision,
        changed: [...changed],
        familyCode: product.familyCode,
        routeCode: product.routeCode,
        shopSkus: [...product.shopSkus],
      },
    });
    await em.flush();
  }

  /**
   * Products at once: the existing ones and their shop SKUs read in one query each, every change
   * made, and one flush (a query and a flush per row took minutes for a 2,000-row import). No
   * event here: a single change announces itself (applyProduct), an import records one for all.
   */
  private async applyProducts(
    em: EntityManager,
    studioId: string,
    products: readonly ProductFields[],
  ): Promise<{ outcome: Outcome; changed: readonly string[]; product: CatalogueProduct }[]> {
    if (!products.length) return [];
    const now = this.clock();
    const codes = products.map((product) => product.productCode);
    const existing = new Map(
      (await em.find(CatalogueProduct, { studioId, productCode: { $in: codes } }, { filters: false, ...forUpdate(em) })).map((product) => [
        product.productCode,
        product,
      ]),
    );
    const mappings = new Map<string, ProductShopSku[]>();
    for (const mapping of await em.find(ProductShopSku, { studioId, productCode: { $in: codes } }, { filters: false }))
      mappings.set(mapping.productCode, [...(mappings.get(mapping.productCode) ?? []), mapping]);
    const applied = products.map((fields) => {
      const found = existing.get(fields.productCode);
      const changed = found
        ? PRODUCT_COMPARED.filter((key) => JSON.stringify(found[key] ?? null) !== JSON.stringify(fields[key] ?? null))
        : PRODUCT_COMPARED;
      if (found && changed.length === 0) return { outcome: 'UNCHANGED' as const, changed, product: found };
      const { productCode, ...rest } = fields;
      let product = found;
      if (product) {
        Object.assign(product, rest, { updatedAt: now });
        product.revision += 1;
      } else {
        product = em.create(CatalogueProduct, { studioId, productCode, ...rest, updatedAt: now });
        em.persist(product);
      }
      // The shop SKU index follows the product's list.
      const held = mappings.get(productCode) ?? [];
      for (const mapping of held) if (!fields.shopSkus.includes(mapping.shopSku)) em.remove(mapping);
      for (const shopSku of fields.shopSkus)
        if (!held.some((mapping) => mapping.shopSku === shopSku)) em.persist(em.create(ProductShopSku, { studioId, shopSku, productCode }));
      return { outcome: found ? ('UPDATED' as const) : ('CREATED' as const), changed, product };
    });
    await em.flush();
    return applied;
  }

  /** A new route (version 1), a new version when its stages differ, or new names on the same version. */
  private async applyRoute(
    em: EntityManager,
    ctx: RequestContext<unknown>,
    studioId: string,
    fields: RouteFields,
    announce: boolean,
  ): Promise<Outcome> {
    const existing = await em.findOne(CatalogueRoute, { studioId, code: fields.code }, { filters: false, ...forUpdate(em) });
    const current = existing
      ? await em.findOneOrFail(RouteVersion, { studioId, routeCode: fields.code, version: existing.currentVersion }, { filters: false })
      : null;
    const changed = this.changeRoute(em, ctx, studioId, fields, existing, current);
    if (!changed) return 'UNCHANGED';
    if (announce)
      recordEvent(em, SOURCE, {
        type: CATALOGUE_EVENTS.ROUTE_CHANGED,
        subject: { type: 'CatalogueRoute', id: `${studioId}/${fields.code}` },
        actor: ctx.actor,
        occurredAt: changed.at,
        payload: {
          studioId,
          routeCode: fields.code,
          version: changed.version,
          change: changed.change,
          statusCodes: fields.steps.map((step) => step.statusCode),
        },
      });
    await em.flush();
    return changed.change;
  }

  /**
   * An import's routes at once: the existing ones and their current versions read in one query
   * each, every change made, one flush (a route's three round trips each, twice with the dry run,
   * were most of the orders part's time on PostgreSQL). No event per route: the import records one.
   */
  private async applyImportedRoutes(
    em: EntityManager,
    ctx: RequestContext<unknown>,
    studioId: string,
    routes: readonly RouteFields[],
  ): Promise<Outcome[]> {
    if (!routes.length) return [];
    const existing = new Map(
      (
        await em.find(CatalogueRoute, { studioId, code: { $in: routes.map((route) => route.code) } }, { filters: false, ...forUpdate(em) })
      ).map((route) => [route.code, route]),
    );
    const current = new Map(
      (existing.size ? await em.find(RouteVersion, { studioId, routeCode: { $in: [...existing.keys()] } }, { filters: false }) : [])
        .filter((version) => version.version === existing.get(version.routeCode)?.currentVersion)
        .map((version) => [version.routeCode, version]),
    );
    const outcomes = routes.map(
      (fields): Outcome =>
        this.changeRoute(em, ctx, studioId, fields, existing.get(fields.code) ?? null, current.get(fields.code) ?? null)?.change ??
        'UNCHANGED',
    );
    await em.flush();
    return outcomes;
  }

  /** A route's change in the unit of work (nothing written yet): null when it is as it was. */
  private changeRoute(
    em: EntityManager,
    ctx: RequestContext<unknown>,
    studioId: string,
    fields: RouteFields,
    existing: CatalogueRoute | null,
    current: RouteVersion | null,
  ): { change: CatalogueChange; version: number; at: Date } | null {
    const now = this.clock();
    const newSteps = !current || !sameSteps(current.steps, fields.steps);
    // A sheet carries no route names: an import keeps the names the route has.
    const names = { nameZh: fields.nameZh ?? existing?.nameZh ?? null, nameEn: fields.nameEn ?? existing?.nameEn ?? null };
    const renamed = existing && (existing.nameZh !== names.nameZh || existing.nameEn !== names.nameEn);
    if (existing && !newSteps && !renamed) return null;
    const version = existing ? existing.currentVersion + (newSteps ? 1 : 0) : 1;
    const route = existing ?? em.create(CatalogueRoute, { studioId, code: fields.code, ...names, currentVersion: version, updatedAt: now });
    Object.assign(route, names, { currentVersion: version, updatedAt: now });
    em.persist(route);
    if (newSteps)
      em.persist(
        em.create(RouteVersion, {
          studioId,
          routeCode: fields.code,
          version,
          steps: fields.steps,
          createdAt: now,
          createdBy: ctx.actor.subject,
        }),
      );
    return { change: existing ? 'UPDATED' : 'CREATED', version, at: now };
  }
}

/** Thrown to roll a transaction back on purpose (a dry run, a refused import); never leaves this service. */
class Rollback extends Error {}
const ROLLBACK = new Rollback('rolled back on purpose');

function asProblem(error: unknown, sheet: ImportProblemShape['sheet'], row: number): ImportProblemShape {
  if (error instanceof CatalogueProblem) return error.toImportProblem(sheet, row);
  throw error;
}

function checkedFamily(input: ProductFamilyInput, prefix: string): FamilyFields {
  return {
    code: requireFamilyCode(input.code, `${prefix}code`),
    nameZh: requireText(input.nameZh, `${prefix}nameZh`),
    nameEn: requireText(input.nameEn, `${prefix}nameEn`),
  };
}

function checkedProduct(input: CatalogueProductInput, prefix: string): ProductFields {
  return {
    productCode: requireProductCode(input.productCode, `${prefix}productCode`),
    nameZh: requireText(input.nameZh, `${prefix}nameZh`),
    nameEn: requireText(input.nameEn, `${prefix}nameEn`),
    familyCode: requireFamilyCode(input.family, `${prefix}family`),
    routeCode: requireRouteCode(input.routeCode, `${prefix}routeCode`),
    shopSkus: checkedShopSkus(input.shopSkus ?? [], `${prefix}shopSkus`),
    priceCents: optionalPrice(input.priceCents, `${prefix}priceCents`),
  };
}

function checkedRoute(studioId: string, input: RouteInput): RouteFields {
  return {
    code: requireRouteCode(input.code, 'input.code'),
    nameZh: optionalText(input.nameZh, 'input.nameZh'),
    nameEn: optionalText(input.nameEn, 'input.nameEn'),
    steps: checkedSteps(studioId, input.steps, 'input.steps', stepFieldsOf('input.steps')),
  };
}

/** Refuses an unknown product on an imported order line. */
export const unknownProduct = (productCode: string, studioId: string) =>
  badInput(`Product code "${productCode}" is neither a product nor a shop SKU of ${studioId}'s catalogue`, {
    field: 'lines[0].productCode',
    reason: 'UNKNOWN_PRODUCT',
  });

export const catalogueService = new CatalogueService();

/** A routes-sheet row as a route step: its cells read as numbers and yes/no, an unreadable yes/no refused naming its column. */
function stepOfRow(row: RouteStepRowInput): RouteStepShape {
  const yesNo = (field: 'qc' | 'partnerAllowed') => {
    const value = cellYesNo(row[field]);
    if (value === null) throw new CatalogueProblem(field, 'INVALID', `${field} must be yes or no (是 / 否)`);
    return value;
  };
  return {
    statusCode: row.statusCode ?? '',
    standardMinutes: cellNumber(row.standardMinutes),
    qcCheckpoint: yesNo('qc'),
    workCenterCode: row.workCenterCode,
    skill: row.skill,
    partnerAllowed: yesNo('partnerAllowed'),
  };
}
