import pino from 'pino';

/** One structured logger for the hub; LOG_LEVEL sets its threshold (silent in tests). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info'),
  base: undefined,
});
