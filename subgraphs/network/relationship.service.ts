import type { EntityManager } from '@mikro-orm/core';
import {
  isPartnerStageCode,
  NETWORK_EVENTS,
  PARTNER_KINDS,
  RELATIONSHIP_LIMITS,
  SUPPLIER_KINDS,
  SUPPLIER_TIERS,
  type EnterpriseKind,
} from '../../contracts';
import type { RequestContext } from '../../platform/access/context';
import { badInput, notFound } from '../../platform/base/errors';
import { recordAudit } from '../../platform/data/audit';
import { forUpdate } from '../../platform/data/database';
import { requireEnterpriseId } from '../../platform/data/ids';
import { idempotent, inTransaction } from '../../platform/data/transactions';
import { recordEvent } from '../../platform/events/outbox';
import { SOURCE } from './directory.service';
import { Enterprise } from './enterprise';
import type { PartnerRelationshipInput, SupplierRelationshipInput } from './inputs';
import { PartnerRelationship, SupplierRelationship } from './relationship';

// Stage codes are short (C50, X-MOYUN-01); kitchen capabilities longer (KITCHEN_COLD_CHAIN_PASTRY).
const STAGE_CODE_MAX = 40;
const ENTERPRISE_ID_MAX = 80;

/** An enterprise id a field names: the directory's pattern, and no longer than its column. */
function requireId(value: string, field: string): string {
  if (value.length > ENTERPRISE_ID_MAX) throw badInput(`${field} is at most ${ENTERPRISE_ID_MAX} characters`, { field });
  return requireEnterpriseId(value, field);
}

/** The enterprise a field names, which must be in the directory and of one of these kinds. */
async function requireEnterpriseOfKind(
  em: EntityManager,
  id: string,
  kinds: readonly EnterpriseKind[],
  field: string,
): Promise<Enterprise> {
  const enterprise = await em.findOne(Enterprise, { id, status: 'ACTIVE' });
  if (!enterprise) throw badInput(`${field}: "${id}" is not an enterprise of the network`, { field, reason: 'UNKNOWN_ENTERPRISE' });
  if (!kinds.includes(enterprise.kind))
    throw badInput(`${field}: "${id}" is a ${enterprise.kind}, not a ${kinds.join(' or ')}`, { field, reason: 'WRONG_KIND' });
  return enterprise;
}

/** Refuses bad terms before anything is read, naming the field and a stable reason. */
function checkSupplierTerms(input: SupplierRelationshipInput): void {
  requireId(input.supplierId, 'input.supplierId');
  if (!SUPPLIER_TIERS.includes(input.tier)) throw badInput('input.tier is not a supplier tier', { field: 'input.tier' });
  const volume = input.annualVolumeYuan ?? null;
  const band = input.flexibleBandPercent ?? null;
  if (input.tier !== 'PRIMARY') {
    const given = volume !== null ? 'input.annualVolumeYuan' : band !== null ? 'input.flexibleBandPercent' : null;
    if (given) throw badInput(`${given}: only a PRIMARY supplier has an annual contract`, { field: given, reason: 'ONLY_FOR_PRIMARY' });
    return;
  }
  if (volume === null || !Number.isInteger(volume) || volume < 1 || volume > RELATIONSHIP_LIMITS.maxAnnualVolumeYuan)
    throw badInput(
      `input.annualVolumeYuan: a primary's annual volume is a whole number of yuan from 1 to ${RELATIONSHIP_LIMITS.maxAnnualVolumeYuan}`,
      {
        field: 'input.annualVolumeYuan',
        reason: 'VOLUME_OUT_OF_RANGE',
      },
    );
  if (band === null || !Number.isInteger(band) || band < 0 || band > RELATIONSHIP_LIMITS.maxFlexibleBandPercent)
    throw badInput(
      `input.flexibleBandPercent: the flexible band is 0 to ${RELATIONSHIP_LIMITS.maxFlexibleBandPercent} percent either way`,
      {
        field: 'input.flexibleBandPercent',
        reason: 'BAND_OUT_OF_RANGE',
      },
    );
}

function checkStageCodes(studioId: string, input: PartnerRelationshipInput): string[] {
  requireId(input.partnerId, 'input.partnerId');
  const codes = input.stageCodes;
  if (codes.length < 1 || codes.length > RELATIONSHIP_LIMITS.maxStageCodes)
    throw badInput(`input.stageCodes: name 1 to ${RELATIONSHIP_LIMITS.maxStageCodes} stage codes`, {
      field: 'input.stageCodes',
      reason: 'STAGE_CODE_COUNT',
    });
  codes.forEach((code, index) => {
    const field = `input.stageCodes[${index}]`;
    if (code.length > STAGE_CODE_MAX || !isPartnerStageCode(studioId, code))
      throw badInput(`${field}: "${code.slice(0, STAGE_CODE_MAX)}" is not a stage code of the vocabulary (nor a kitchen capability)`, {
        field,
        reason: 'UNKNOWN_STAGE_CODE',
      });
    if (codes.indexOf(code) !== index) throw badInput(`${field}: ${code} appears twice`, { field, reason: 'DUPLICATE_STAGE_CODE' });
  });
  return [...codes].sort();
}

/**
 * A studio's suppliers and partners (issue 33, item 1). The studio's admin (for its own studio)
 * and hub admins name and end them — a directory write, so each is in the audit trail — and each
 * change is an event with its actor, which other subgraphs project (the capacity allocator offers
 * a partner only the stage codes its relationship names). Setting the same terms again changes
 * nothing and records nothing.
 */
export class RelationshipService {
  constructor(private readonly clock: () => Date = () => new Date()) {}

  async setSupplier(
    ctx: RequestContext<unknown>,
    studioId: string,
    input: SupplierRelationshipInput,
    idempotencyKey: string,
  ): Promise<SupplierRelationship> {
    requireId(studioId, 'studioId');
    checkSupplierTerms(input);
    const terms = {
      tier: input.tier,
      annualVolumeYuan: input.tier === 'PRIMARY' ? input.annualVolumeYuan! : null,
      flexibleBandPercent: input.tier === 'PRIMARY' ? input.flexibleBandPercent! : null,
    };
    const supplierId = input.supplierId;
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'setSupplierRelationship', idempotencyKey, { studioId, input: { supplierId, ...terms } }, async () => {
        await requireEnterpriseOfKind(em, studioId, ['STUDIO'], 'studioId');
        await requireEnterpriseOfKind(em, supplierId, SUPPLIER_KINDS, 'input.supplierId');
        const now = this.clock();
        const existing = await em.findOne(SupplierRelationship, { studioId, supplierId }, { filters: false, ...forUpdate(em) });
        const revived = !!existing?.endedAt;
        const changed = existing
          ? (Object.keys(terms) as (keyof typeof terms)[]).filter((field) => existing[field] !== terms[field])
          : Object.keys(terms);
        if (existing && !revived && changed.length === 0) return supplierId;
        const row = existing ?? em.create(SupplierRelationship, { studioId, supplierId, ...terms, since: now, updatedAt: now });
        if (existing) {
          Object.assign(existing, terms, { updatedAt: now, revision: existing.revision + 1 });
          if (revived) Object.assign(existing, { endedAt: null, since: now });
        }
        em.persist(row);
        // The studio's master data: its id is the subject (the payload names the supplier).
        const subject = { type: 'Enterprise', id: studioId };
        recordEvent(em, SOURCE, {
          type: NETWORK_EVENTS.SUPPLIER_RELATIONSHIP_SET,
          subject,
          actor: ctx.actor,
          payload: { studioId, supplierId, ...terms, changed: revived ? [...changed, 'endedAt'] : changed },
        });
        recordAudit(em, ctx, { operation: 'setSupplierRelationship', subject, changed: revived ? [...changed, 'endedAt'] : changed });
        return supplierId;
      }),
    );
    return ctx.em.fork().findOneOrFail(SupplierRelationship, { studioId, supplierId }, { filters: false });
  }

  async setPartner(
    ctx: RequestContext<unknown>,
    studioId: string,
    input: PartnerRelationshipInput,
    idempotencyKey: string,
  ): Promise<PartnerRelationship> {
    requireId(studioId, 'studioId');
    const stageCodes = checkStageCodes(studioId, input);
    const partnerId = input.partnerId;
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'setPartnerRelationship', idempotencyKey, { studioId, partnerId, stageCodes }, async () => {
        await requireEnterpriseOfKind(em, studioId, ['STUDIO'], 'studioId');
        await requireEnterpriseOfKind(em, partnerId, PARTNER_KINDS, 'input.partnerId');
        const now = this.clock();
        const existing = await em.findOne(PartnerRelationship, { studioId, partnerId }, { filters: false, ...forUpdate(em) });
        const revived = !!existing?.endedAt;
        const same = !!existing && existing.stageCodes.join(',') === stageCodes.join(',');
        if (existing && !revived && same) return partnerId;
        const row = existing ?? em.create(PartnerRelationship, { studioId, partnerId, stageCodes, since: now, updatedAt: now });
        if (existing) {
          Object.assign(existing, { stageCodes, updatedAt: now, revision: existing.revision + 1 });
          if (revived) Object.assign(existing, { endedAt: null, since: now });
        }
        em.persist(row);
        const changed = [...(same ? [] : ['stageCodes']), ...(revived ? ['endedAt'] : [])];
        // The studio's master data: its id is the subject (the payload names the partner).
        const subject = { type: 'Enterprise', id: studioId };
        recordEvent(em, SOURCE, {
          type: NETWORK_EVENTS.PARTNER_RELATIONSHIP_SET,
          subject,
          actor: ctx.actor,
          payload: { studioId, partnerId, stageCodes, changed },
        });
        recordAudit(em, ctx, { operation: 'setPartnerRelationship', subject, changed });
        return partnerId;
      }),
    );
    return ctx.em.fork().findOneOrFail(PartnerRelationship, { studioId, partnerId }, { filters: false });
  }

  /** Ends a supplier's relationship (kept, with endedAt); ending an ended one changes nothing. */
  async endSupplier(
    ctx: RequestContext<unknown>,
    studioId: string,
    supplierId: string,
    idempotencyKey: string,
  ): Promise<SupplierRelationship> {
    requireId(studioId, 'studioId');
    requireId(supplierId, 'supplierId');
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'endSupplierRelationship', idempotencyKey, { studioId, supplierId }, async () => {
        const row = await em.findOne(SupplierRelationship, { studioId, supplierId }, { filters: false, ...forUpdate(em) });
        if (!row) throw notFound('Supplier relationship', `${studioId}/${supplierId}`);
        if (row.endedAt) return supplierId;
        const now = this.clock();
        Object.assign(row, { endedAt: now, updatedAt: now, revision: row.revision + 1 });
        // The studio's master data: its id is the subject (the payload names the supplier).
        const subject = { type: 'Enterprise', id: studioId };
        recordEvent(em, SOURCE, {
          type: NETWORK_EVENTS.SUPPLIER_RELATIONSHIP_ENDED,
          subject,
          actor: ctx.actor,
          payload: { studioId, supplierId },
        });
        recordAudit(em, ctx, { operation: 'endSupplierRelationship', subject, changed: ['endedAt'] });
        return supplierId;
      }),
    );
    return ctx.em.fork().findOneOrFail(SupplierRelationship, { studioId, supplierId }, { filters: false });
  }

  /** Ends a partner's relationship: from then on the allocator offers it none of the studio's work. */
  async endPartner(
    ctx: RequestContext<unknown>,
    studioId: string,
    partnerId: string,
    idempotencyKey: string,
  ): Promise<PartnerRelationship> {
    requireId(studioId, 'studioId');
    requireId(partnerId, 'partnerId');
    await inTransaction(ctx, (em) =>
      idempotent(em, ctx.viewer, 'endPartnerRelationship', idempotencyKey, { studioId, partnerId }, async () => {
        const row = await em.findOne(PartnerRelationship, { studioId, partnerId }, { filters: false, ...forUpdate(em) });
        if (!row) throw notFound('Partner relationship', `${studioId}/${partnerId}`);
        if (row.endedAt) return partnerId;
        const now = this.clock();
        Object.assign(row, { endedAt: now, updatedAt: now, revision: row.revision + 1 });
        // The studio's master data: its id is the subject (the payload names the partner).
        const subject = { type: 'Enterprise', id: studioId };
        recordEvent(em, SOURCE, {
          type: NETWORK_EVENTS.PARTNER_RELATIONSHIP_ENDED,
          subject,
          actor: ctx.actor,
          payload: { studioId, partnerId },
        });
        recordAudit(em, ctx, { operation: 'endPartnerRelationship', subject, changed: ['endedAt'] });
        return partnerId;
      }),
    );
    return ctx.em.fork().findOneOrFail(PartnerRelationship, { studioId, partnerId }, { filters: false });
  }
}
