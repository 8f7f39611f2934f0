import type { ExceptionCodeDefinition } from './exception-codes';
import { EXCEPTION_CODES, findStandardExceptionCode } from './exception-codes';
import type { StatusCodeDefinition } from './status-codes';
import { STATUS_CODES, findStatusCode } from './status-codes';
import { tierAllows, VISIBILITY_TIERS, type VisibilityTier } from './tiers';

export const VOCABULARY_VERSION = 1;

/**
 * An enterprise's own code, `X-<ORG>-<NN>`, refining one standard code (its parent). Customers
 * and partners of other studios read it through its parent, so every alliance member keeps the
 * same meaning whichever studio did the work.
 */
export interface ExtensionCodeInput {
  code: string;
  parent: string;
  /** The enterprise that owns the extension (network id). */
  enterpriseId: string;
  labelZh: string;
  labelEn: string;
}

export type StatusExtension = StatusCodeDefinition & { parent: string; enterpriseId: string };
export type ExceptionExtension = ExceptionCodeDefinition & { parent: string; enterpriseId: string };

export class VocabularyError extends Error {
  constructor(
    message: string,
    readonly reason: 'UNKNOWN_CODE' | 'INVALID_EXTENSION',
  ) {
    super(message);
    this.name = 'VocabularyError';
  }
}

export const EXTENSION_CODE_PATTERN = /^X-([A-Z][A-Z0-9]{1,11})-(\d{2})$/;

/** What an extension adds to a standard entry: its parent code and owning enterprise. */
export type VocabularyEntry<T> = T & { parent?: string; enterpriseId?: string };
export type StatusEntry = VocabularyEntry<StatusCodeDefinition>;
export type ExceptionEntry = VocabularyEntry<ExceptionCodeDefinition>;

export interface Vocabulary {
  version: number;
  statusCodes: readonly StatusEntry[];
  exceptionCodes: readonly ExceptionEntry[];
  findStatus(code: string): StatusEntry | undefined;
  findException(code: string): ExceptionEntry | undefined;
  /** The code itself when standard, else its standard parent; throws for unknown codes. */
  standardStatusOf(code: string): StatusCodeDefinition;
  /** Every status code (extensions by their parent) a customer at this tier may see. */
  statusCodesVisibleAt(tier: VisibilityTier): readonly string[];
  requireStatus(code: string): StatusEntry;
  requireException(code: string): ExceptionEntry;
}

/** Validates extension codes against the standard ones; rejects anything ambiguous. */
export function createVocabulary(extensions: readonly ExtensionCodeInput[]): Vocabulary {
  const statusExtensions: StatusExtension[] = [];
  const exceptionExtensions: ExceptionExtension[] = [];
  const seen = new Set<string>();
  for (const extension of extensions) {
    const match = EXTENSION_CODE_PATTERN.exec(extension.code);
    if (!match) {
      throw new VocabularyError(
        `Extension code "${extension.code}" is not of the form X-<ORG>-<NN> (ORG: 2-12 capitals or digits, NN: two digits)`,
        'INVALID_EXTENSION',
      );
    }
    if (seen.has(extension.code)) {
      throw new VocabularyError(`Extension code "${extension.code}" is defined twice`, 'INVALID_EXTENSION');
    }
    seen.add(extension.code);
    if (!extension.labelZh?.trim() || !extension.labelEn?.trim()) {
      throw new VocabularyError(`Extension code "${extension.code}" needs Chinese and English labels`, 'INVALID_EXTENSION');
    }
    const status = findStatusCode(extension.parent);
    const exception = findStandardExceptionCode(extension.parent);
    if (status) {
      statusExtensions.push({
        ...status,
        code: extension.code,
        labelZh: extension.labelZh,
        labelEn: extension.labelEn,
        parent: status.code,
        enterpriseId: extension.enterpriseId,
      });
    } else if (exception) {
      exceptionExtensions.push({
        ...exception,
        code: extension.code,
        labelZh: extension.labelZh,
        labelEn: extension.labelEn,
        parent: exception.code,
        enterpriseId: extension.enterpriseId,
      });
    } else {
      throw new VocabularyError(
        `Extension code "${extension.code}" names parent "${extension.parent}", which is not a standard status or exception code`,
        'INVALID_EXTENSION',
      );
    }
  }

  const statusCodes = [...STATUS_CODES, ...statusExtensions];
  const exceptionCodes = [...EXCEPTION_CODES, ...exceptionExtensions];
  const statusByCode = new Map<string, StatusEntry>(statusCodes.map((c) => [c.code, c]));
  const exceptionByCode = new Map<string, ExceptionEntry>(exceptionCodes.map((c) => [c.code, c]));

  const requireStatus = (code: string) => {
    const found = statusByCode.get(code);
    if (!found) throw new VocabularyError(`Unknown status code "${code}"`, 'UNKNOWN_CODE');
    return found;
  };
  const standardStatusOf = (code: string) => {
    const found = requireStatus(code);
    return found.parent ? requireStatus(found.parent) : found;
  };
  const visibleAt = Object.fromEntries(
    VISIBILITY_TIERS.map((tier) => [
      tier,
      Object.freeze(statusCodes.filter((entry) => tierAllows(tier, standardStatusOf(entry.code).minTier)).map((entry) => entry.code)),
    ]),
  ) as Record<VisibilityTier, readonly string[]>;
  return Object.freeze({
    version: VOCABULARY_VERSION,
    statusCodes: Object.freeze(statusCodes),
    exceptionCodes: Object.freeze(exceptionCodes),
    findStatus: (code: string) => statusByCode.get(code),
    findException: (code: string) => exceptionByCode.get(code),
    requireStatus,
    requireException: (code: string) => {
      const found = exceptionByCode.get(code);
      if (!found) throw new VocabularyError(`Unknown exception code "${code}"`, 'UNKNOWN_CODE');
      return found;
    },
    standardStatusOf,
    statusCodesVisibleAt: (tier: VisibilityTier) => visibleAt[tier],
  });
}

/**
 * Extension codes registered by alliance members. They are part of the versioned vocabulary:
 * adding one is a reviewed change here, so every subgraph and partner reads the same list.
 */
export const REGISTERED_EXTENSIONS: readonly ExtensionCodeInput[] = Object.freeze([
  { code: 'X-MOYUN-01', parent: 'C50', enterpriseId: 'moyun-studio', labelZh: '双层描金', labelEn: 'Double-layer gilding' },
  { code: 'X-MOYUN-02', parent: 'QUA-01', enterpriseId: 'moyun-studio', labelZh: '釉色偏差', labelEn: 'Glaze colour deviation' },
  { code: 'X-YCF-01', parent: 'CUS-01', enterpriseId: 'youcaifeng', labelZh: '尺寸复量', labelEn: 'Re-measurement requested' },
]);

/** The hub's vocabulary: standard codes of version 1 plus the registered extensions. */
export const VOCABULARY = createVocabulary(REGISTERED_EXTENSIONS);
