import pino from 'pino';
import { traceIds } from './tracing';

/** One structured logger for the hub; each process's entry sets its threshold from LOG_LEVEL (configureLogging). */
export const logger = pino({ level: 'info', base: undefined, mixin: traceIds });

export function configureLogging(level: string): void {
  logger.level = level;
}
