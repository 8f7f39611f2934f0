import pino from 'pino';

/** One structured logger for the hub; each process's entry sets its threshold from LOG_LEVEL (configureLogging). */
export const logger = pino({ level: 'info', base: undefined });

export function configureLogging(level: string): void {
  logger.level = level;
}
