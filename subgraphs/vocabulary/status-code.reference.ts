import { VOCABULARY } from '../../contracts';
import type { ExceptionCode, StatusCode } from './status-code';

// The vocabulary is frozen code-defined data: answer copies, since federation tags each answer
// with its __typename. References resolve without any I/O.
export function resolveStatusCodeReference(reference: Pick<StatusCode, 'code'>): StatusCode | null {
  const found = VOCABULARY.findStatus(reference.code);
  return found ? { ...found } : null;
}

export function resolveExceptionCodeReference(reference: Pick<ExceptionCode, 'code'>): ExceptionCode | null {
  const found = VOCABULARY.findException(reference.code);
  return found ? { ...found } : null;
}
