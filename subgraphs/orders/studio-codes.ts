import type { VocabularyEntry } from '../../contracts';
import { VOCABULARY, VocabularyError } from '../../contracts';
import { badInput } from '../../platform/base/errors';

/**
 * A code this studio may use: a standard one, or one of its own extensions. Unknown codes and
 * other enterprises' extensions are BAD_USER_INPUT on `field`.
 */
function requireCodeFor(
  lookup: (code: string) => VocabularyEntry<{ code: string }>,
  what: string,
  field: string,
  studioId: string,
  code: string,
): string {
  let found: VocabularyEntry<{ code: string }>;
  try {
    found = lookup(code);
  } catch (error) {
    if (error instanceof VocabularyError) throw badInput(error.message, { field, value: code });
    throw error;
  }
  if (found.parent && found.enterpriseId !== studioId) {
    throw badInput(`${what} "${code}" is another enterprise's extension`, { field, value: code });
  }
  return found.code;
}

export const requireStatusCodeFor = (studioId: string, code: string) =>
  requireCodeFor((found) => VOCABULARY.requireStatus(found), 'Status code', 'statusCode', studioId, code);
export const requireExceptionCodeFor = (studioId: string, code: string) =>
  requireCodeFor((found) => VOCABULARY.requireException(found), 'Exception code', 'code', studioId, code);
