import { GraphQLError } from 'graphql';
import type { ImportProblemShape } from '../../contracts';
import { badInput } from '../../platform/base/errors';
import type { RouteStepDefinition } from './entities/catalogue';
import { requireStatusCodeFor } from './studio-codes';

/**
 * What makes a family, a product or a route of a studio's catalogue acceptable, field by field.
 * The mutations refuse the first problem (BAD_USER_INPUT naming the field, with a `reason`); an
 * import collects one per refused row (sheet, row, field, code). Pure: no database.
 */

export const CATALOGUE_LIMITS = Object.freeze({
  name: 200,
  steps: 50,
  shopSkus: 50,
  maxMinutes: 60 * 24 * 60,
  maxPriceCents: 1_000_000_000,
});

/** A family or route code: capitals, digits, "_" and "-" (e.g. CALLIGRAPHY_TEAWARE, LEATHER-V1). */
export const CATALOGUE_CODE_PATTERN = /^[A-Z][A-Z0-9_-]{0,39}$/;
/** A product code, as an order line names it (the shop order input's own pattern). */
export const PRODUCT_CODE_PATTERN = /^[A-Z]{2,5}-[A-Z0-9-]{1,60}$/;
/** A shop SKU: a product code, or a prefix ending in "*" that maps every code starting with it. */
export const SHOP_SKU_PATTERN = /^[A-Z]{2,5}-[A-Z0-9-]{0,60}\*?$/;
/** A work center's code as the capacity subgraph keeps it (e.g. kiln-1). */
export const WORK_CENTER_CODE_PATTERN = /^[a-z0-9][\w.-]{0,39}$/i;

/** The `ImportProblem.code`s, and the `reason` a mutation's BAD_USER_INPUT carries. */
export type ProblemCode = 'MISSING' | 'INVALID' | 'UNKNOWN_REFERENCE' | 'DUPLICATE';

/** One thing wrong with one field. `reason` is the finer stable code (NO_STAGES, UNKNOWN_STATUS_CODE …). */
export class CatalogueProblem extends Error {
  constructor(
    readonly field: string,
    readonly code: ProblemCode,
    message: string,
    readonly reason: string = code,
  ) {
    super(message);
  }

  /** As a mutation answers it: BAD_USER_INPUT naming the field. */
  toError(): GraphQLError {
    return badInput(this.message, { field: this.field, reason: this.reason });
  }

  /** As an import reports it, on a sheet's row. */
  toImportProblem(sheet: ImportProblemShape['sheet'], row: number, column?: string): ImportProblemShape {
    return { sheet, row, field: column ?? this.field, code: this.code, message: this.message };
  }
}

/** Runs a check, turning its problem into the mutation's refusal. */
export function refuseOn<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof CatalogueProblem) throw error.toError();
    throw error;
  }
}

export function requireText(value: string | null | undefined, field: string, max = CATALOGUE_LIMITS.name): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw new CatalogueProblem(field, 'MISSING', `${field} is required`);
  // eslint-disable-next-line no-control-regex
  if (trimmed.length > max || /[\u0000-\u001f\u007f]/.test(trimmed))
    throw new CatalogueProblem(field, 'INVALID', `${field} must be 1 to ${max} characters of text`);
  return trimmed;
}

export function optionalText(value: string | null | undefined, field: string): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : requireText(value, field);
}

export function requireCode(value: string | null | undefined, field: string, pattern: RegExp, shape: string): string {
  const code = (value ?? '').trim();
  if (!code) throw new CatalogueProblem(field, 'MISSING', `${field} is required`);
  if (!pattern.test(code)) throw new CatalogueProblem(field, 'INVALID', `${field} "${code.slice(0, 80)}" must look like ${shape}`);
  return code;
}

export const requireFamilyCode = (value: string | null | undefined, field: string) =>
  requireCode(value, field, CATALOGUE_CODE_PATTERN, 'LEATHER_GOODS (capitals, digits, _ or -)');
export const requireRouteCode = (value: string | null | undefined, field: string) =>
  requireCode(value, field, CATALOGUE_CODE_PATTERN, 'LEATHER-BAG (capitals, digits, _ or -)');
export const requireProductCode = (value: string | null | undefined, field: string) =>
  requireCode(value, field, PRODUCT_CODE_PATTERN, 'TEA-CUP-01');

function wholeNumber(value: number | null | undefined, field: string, min: number, max: number): number {
  if (value === null || value === undefined) throw new CatalogueProblem(field, 'MISSING', `${field} is required`);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new CatalogueProblem(field, 'INVALID', `${field} must be a whole number from ${min} to ${max}`);
  return value;
}

export function optionalPrice(value: number | null | undefined, field: string): number | null {
  return value === null || value === undefined ? null : wholeNumber(value, field, 0, CATALOGUE_LIMITS.maxPriceCents);
}

/** Shop SKUs, each once (within the product; across products the service checks). */
export function checkedShopSkus(values: readonly string[], field: string): string[] {
  if (values.length > CATALOGUE_LIMITS.shopSkus)
    throw new CatalogueProblem(field, 'INVALID', `${field}: a product maps at most ${CATALOGUE_LIMITS.shopSkus} shop SKUs`);
  const seen = new Set<string>();
  values.forEach((value, index) => {
    const sku = requireCode(value, `${field}[${index}]`, SHOP_SKU_PATTERN, 'TEA-CUP-01 or TEA-* (a prefix)');
    if (seen.has(sku))
      throw new CatalogueProblem(`${field}[${index}]`, 'DUPLICATE', `${field}: ${sku} is named twice`, 'DUPLICATE_SHOP_SKU');
    seen.add(sku);
  });
  return [...seen];
}

/** A status code the studio may use (standard, or its own extension), read through the vocabulary. */
function studioStatusCode(studioId: string, value: string | null | undefined, field: string): string {
  const code = (value ?? '').trim();
  if (!code) throw new CatalogueProblem(field, 'MISSING', `${field} is required`);
  try {
    return requireStatusCodeFor(studioId, code);
  } catch (error) {
    if (error instanceof GraphQLError)
      throw new CatalogueProblem(field, 'UNKNOWN_REFERENCE', `${field}: ${error.message}`, 'UNKNOWN_STATUS_CODE');
    throw error;
  }
}

/** A route step as a studio gives it (mutation input or a routes-sheet row). */
export interface RouteStepShape {
  statusCode?: string | null;
  standardMinutes?: number | null;
  qcCheckpoint?: boolean | null;
  workCenterCode?: string | null;
  skill?: string | null;
  partnerAllowed?: boolean | null;
}

/** Field names of a step's parts, so one rule serves `input.steps[2].statusCode` and a sheet's `statusCode` column. */
export type StepFields = Record<keyof RouteStepShape, string>;

export function checkedStep(studioId: string, step: RouteStepShape, fields: StepFields): RouteStepDefinition {
  const workCenter = (step.workCenterCode ?? '').trim();
  const skill = (step.skill ?? '').trim();
  return {
    statusCode: studioStatusCode(studioId, step.statusCode, fields.statusCode),
    standardMinutes: wholeNumber(step.standardMinutes, fields.standardMinutes, 1, CATALOGUE_LIMITS.maxMinutes),
    qcCheckpoint: step.qcCheckpoint ?? false,
    workCenterCode: workCenter
      ? requireCode(workCenter, fields.workCenterCode, WORK_CENTER_CODE_PATTERN, 'kiln-1 (letters, digits, ".", "_" or "-")')
      : null,
    // A skill is a stage code an operator may work (the capacity subgraph's operators carry them).
    skill: skill ? studioStatusCode(studioId, skill, fields.skill) : null,
    partnerAllowed: step.partnerAllowed ?? true,
  };
}

/** A route's steps whole: at least one, at most 50, each status code once. */
export function checkedSteps(studioId: string, steps: readonly RouteStepShape[], field: string, fieldsOf: (index: number) => StepFields) {
  if (steps.length === 0) throw new CatalogueProblem(field, 'MISSING', `${field}: a route needs at least one stage`, 'NO_STAGES');
  if (steps.length > CATALOGUE_LIMITS.steps)
    throw new CatalogueProblem(field, 'INVALID', `${field}: a route holds at most ${CATALOGUE_LIMITS.steps} stages`, 'TOO_MANY_STAGES');
  const seen = new Set<string>();
  return steps.map((step, index) => {
    const checked = checkedStep(studioId, step, fieldsOf(index));
    if (seen.has(checked.statusCode))
      throw new CatalogueProblem(
        fieldsOf(index).statusCode,
        'DUPLICATE',
        `${fieldsOf(index).statusCode}: ${checked.statusCode} is already a stage of this route`,
        'DUPLICATE_STAGE',
      );
    seen.add(checked.statusCode);
    return checked;
  });
}

/** The field names of `<prefix>[index]`'s parts. */
export const stepFieldsOf =
  (prefix: string) =>
  (index: number): StepFields => ({
    statusCode: `${prefix}[${index}].statusCode`,
    standardMinutes: `${prefix}[${index}].standardMinutes`,
    qcCheckpoint: `${prefix}[${index}].qcCheckpoint`,
    workCenterCode: `${prefix}[${index}].workCenterCode`,
    skill: `${prefix}[${index}].skill`,
    partnerAllowed: `${prefix}[${index}].partnerAllowed`,
  });

export const sameSteps = (a: readonly RouteStepDefinition[], b: readonly RouteStepDefinition[]) =>
  a.length === b.length &&
  a.every(
    (step, index) =>
      step.statusCode === b[index].statusCode &&
      step.standardMinutes === b[index].standardMinutes &&
      step.qcCheckpoint === b[index].qcCheckpoint &&
      step.workCenterCode === b[index].workCenterCode &&
      step.skill === b[index].skill &&
      step.partnerAllowed === b[index].partnerAllowed,
  );
