import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../platform/access/context';
import { badInput, hubError, notFound } from '../../platform/base/errors';
import { containsText } from '../../platform/data/database';
import { requireEnterpriseId } from '../../platform/data/ids';
import { decodeCursor, PageInfo, pageOf, pageSize } from '../../platform/graphql/pagination';
import { materialScope } from './access-policy';
import { currentLines } from './bill-lines';
import { BillOfMaterialsService, requireProductCode } from './bill-of-materials.service';
import {
  AbcClassEnum,
  BillOfMaterials,
  BomLine,
  Material,
  StockingPolicyEnum,
  type AbcClass,
  type StockingPolicy,
} from './entities/material';
import { BomLineInput, MaterialInput, MaterialsImportInput } from './inputs';
import { MaterialImportService } from './material-import.service';
import { ImportResult } from '../../platform/graphql/import-result';
import type { SupplierLoaders } from './loaders';
import { MaterialCatalogueService, requireSku } from './material-catalogue.service';
import { SafetyStockSuggestion, suggestSafetyStock } from './safety-stock';

type Context = GraphQLContext<SupplierLoaders>;

const SEARCH_MAX = 60;

@ObjectType({ description: "A page of a studio's materials, by SKU" })
class MaterialPage {
  @Field(() => [Material])
  nodes!: Material[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Materials matching the filter, over all pages' })
  totalCount!: number;
}

@ObjectType({ description: "A page of a studio's bills of materials, by product code" })
class BillOfMaterialsPage {
  @Field(() => [BillOfMaterials])
  nodes!: BillOfMaterials[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Bills of the studio, over all pages' })
  totalCount!: number;
}

/** A studio's materials and bills of materials, and the safety stock they are held against. */
@Resolver()
export class MaterialCatalogueResolver {
  constructor(
    private readonly catalogue = new MaterialCatalogueService(),
    private readonly bills = new BillOfMaterialsService(),
  ) {}

  @Query(() => MaterialPage, {
    description: "A studio's materials by SKU (a supplier sees those it supplies to the studio; retired ones only when asked)",
  })
  async studioMaterials(
    @Arg('studioId', () => ID) studioId: string,
    @Ctx() { ctx }: Context,
    @Arg('abcClass', () => AbcClassEnum, { nullable: true }) abcClass?: AbcClass,
    @Arg('stockingPolicy', () => StockingPolicyEnum, { nullable: true }) stockingPolicy?: StockingPolicy,
    @Arg('search', { nullable: true, description: `Part of the SKU or of either name (at most ${SEARCH_MAX} characters)` }) search?: string,
    @Arg('includeRetired', { nullable: true }) includeRetired?: boolean,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ): Promise<MaterialPage> {
    requireEnterpriseId(studioId, 'studioId');
    const size = pageSize(first);
    if (search !== undefined && search !== null && search.length > SEARCH_MAX)
      throw badInput(`search is at most ${SEARCH_MAX} characters`, { field: 'search' });
    const afterSku = after ? decodeCursor(after) : undefined;
    const scope = await materialScope(ctx.viewer, ctx.em, studioId);
    if (!scope) throw hubError('FORBIDDEN', `The materials of ${studioId} are its own`);
    const filter: FilterQuery<Material> = {
      $and: [
        scope,
        {
          ...(abcClass ? { abcClass } : {}),
          ...(stockingPolicy ? { stockingPolicy } : {}),
          ...(includeRetired ? {} : { retiredAt: null }),
        },
        ...(search
          ? [
              {
                $or: [
                  { sku: containsText(ctx.em, search) },
                  { nameZh: containsText(ctx.em, search) },
                  { nameEn: containsText(ctx.em, search) },
                ],
              },
            ]
          : []),
      ],
    };
    const [rows, totalCount] = await Promise.all([
      ctx.em.find(Material, afterSku ? { $and: [filter, { sku: { $gt: afterSku } }] } : filter, {
        orderBy: { sku: 'asc' },
        limit: size + 1,
      }),
      ctx.em.count(Material, filter),
    ]);
    return { ...pageOf(rows, size, (row) => row.sku), totalCount };
  }

  @Mutation(() => Material, {
    description:
      'Creates a material of the studio, or replaces it whole (a retired one comes back); repeating it with the same key changes nothing',
  })
  upsertMaterial(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('input', () => MaterialInput) input: MaterialInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<Material> {
    return this.catalogue.upsert(ctx, studioId, input, idempotencyKey);
  }

  @Mutation(() => Material, {
    description: 'Retires a material: no new bill may name it, what orders hold stays (refused while a current bill names it)',
  })
  retireMaterial(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('sku') sku: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<Material> {
    return this.catalogue.retire(ctx, studioId, sku, idempotencyKey);
  }

  @Query(() => SafetyStockSuggestion, {
    nullable: true,
    description: 'The safety stock the rule suggests for a material, with every figure it comes from; null for an unknown material',
  })
  async safetyStockSuggestion(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('sku') sku: string,
    @Ctx() { ctx }: Context,
  ): Promise<SafetyStockSuggestion | null> {
    requireEnterpriseId(studioId, 'studioId');
    requireSku(sku, 'sku');
    const material = await ctx.em.findOne(Material, { studioId, sku });
    return material ? suggestSafetyStock(ctx.em, material, new Date()) : null;
  }

  @Mutation(() => Material, {
    description: 'Sets the safety stock to what the rule suggests now; repeating it with the same key changes nothing',
  })
  async acceptSafetyStockSuggestion(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('sku') sku: string,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<Material> {
    requireEnterpriseId(studioId, 'studioId');
    requireSku(sku, 'sku');
    const material = await ctx.em.findOne(Material, { studioId, sku });
    if (!material) throw notFound('Material', sku);
    const suggestion = await suggestSafetyStock(ctx.em, material, new Date());
    if (suggestion.suggested === null)
      throw badInput(`No supplier gives ${sku} a lead time, so there is no suggestion to accept`, {
        field: 'sku',
        reason: 'NO_SUGGESTION',
      });
    return this.catalogue.setSafetyStock(ctx, studioId, sku, suggestion.suggested, idempotencyKey);
  }

  @Query(() => BillOfMaterials, { nullable: true, description: "A product's bill of materials in the studio; null when it has none" })
  productBillOfMaterials(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('productCode') productCode: string,
    @Ctx() { ctx }: Context,
  ): Promise<BillOfMaterials | null> {
    requireEnterpriseId(studioId, 'studioId');
    requireProductCode(productCode);
    return ctx.em.findOne(BillOfMaterials, { studioId, productCode });
  }

  @Query(() => BillOfMaterialsPage, { description: "A studio's bills of materials by product code (what an export writes)" })
  async studioBillsOfMaterials(
    @Arg('studioId', () => ID) studioId: string,
    @Ctx() { ctx }: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', { nullable: true }) after?: string,
  ): Promise<BillOfMaterialsPage> {
    requireEnterpriseId(studioId, 'studioId');
    const size = pageSize(first);
    const afterCode = after ? decodeCursor(after) : undefined;
    const [rows, totalCount] = await Promise.all([
      ctx.em.find(
        BillOfMaterials,
        { studioId, ...(afterCode ? { productCode: { $gt: afterCode } } : {}) },
        { orderBy: { productCode: 'asc' }, limit: size + 1 },
      ),
      ctx.em.count(BillOfMaterials, { studioId }),
    ]);
    return { ...pageOf(rows, size, (row) => row.productCode), totalCount };
  }

  @Mutation(() => BillOfMaterials, {
    description:
      "Sets a product's bill of materials whole: a new version for orders imported from now on (orders already imported keep what they reserved); the same lines again change nothing",
  })
  setBillOfMaterials(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('productCode') productCode: string,
    @Arg('lines', () => [BomLineInput]) lines: BomLineInput[],
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<BillOfMaterials> {
    return this.bills.set(ctx, studioId, productCode, lines, idempotencyKey);
  }
}

@Resolver()
export class MaterialImportResolver {
  constructor(private readonly imports = new MaterialImportService()) {}

  @Mutation(() => ImportResult, {
    description:
      "Imports a spreadsheet's materials and bills of materials: every row checked, every bad one reported (sheet, row, column), and only when none is bad (and it is no dry run) all of it applied at once, one event summing it up",
  })
  importMaterials(
    @Arg('studioId', () => ID) studioId: string,
    @Arg('input', () => MaterialsImportInput) input: MaterialsImportInput,
    @Arg('idempotencyKey') idempotencyKey: string,
    @Ctx() { ctx }: Context,
  ): Promise<ImportResult> {
    return this.imports.import(ctx, studioId, input, idempotencyKey);
  }
}

@Resolver(() => BillOfMaterials)
export class BillOfMaterialsResolver {
  @FieldResolver(() => [BomLine], { description: 'The lines of this version, or of an earlier one' })
  lines(
    @Root() bill: BillOfMaterials,
    @Ctx() { ctx }: Context,
    @Arg('version', () => Int, { nullable: true }) version?: number,
  ): Promise<BomLine[]> {
    if (version !== undefined && version !== null && (!Number.isInteger(version) || version < 1 || version > bill.version))
      throw badInput(`version must be from 1 to ${bill.version}`, { field: 'version' });
    return currentLines(ctx.em, bill, version ?? bill.version);
  }
}
