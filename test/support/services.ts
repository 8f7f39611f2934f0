/**
 * Jest's global setup: the services the integration suites need beyond SQLite. DATABASE_URL
 * and NATS_URL, when set, name real servers (CI sets both). When one is unset and a Docker
 * engine is reachable, a throwaway container is started for it here (testcontainers) and its
 * URL put in the environment the test workers inherit; global teardown stops it. Otherwise the
 * suites that need it say they were skipped.
 */
import type { StartedTestContainer } from 'testcontainers';

const started: StartedTestContainer[] = [];

export async function setup(): Promise<void> {
  const needPostgres = !process.env.DATABASE_URL;
  const needNats = !process.env.NATS_URL;
  if (!needPostgres && !needNats) return;
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    console.warn(
      `No DATABASE_URL/NATS_URL and no Docker engine to start them in: ${[needPostgres && 'PostgreSQL', needNats && 'NATS'].filter(Boolean).join(' and ')} runs will be skipped.`,
    );
    return;
  }
  if (needPostgres) {
    const postgres = await new GenericContainer('postgres:16')
      .withEnvironment({ POSTGRES_PASSWORD: 'weft' })
      .withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start();
    started.push(postgres);
    process.env.DATABASE_URL = `postgres://postgres:weft@${postgres.getHost()}:${postgres.getMappedPort(5432)}/postgres`;
  }
  if (needNats) {
    const nats = await new GenericContainer('nats:2.10')
      .withCommand(['-js'])
      .withExposedPorts(4222)
      .withWaitStrategy(Wait.forLogMessage(/Server is ready/))
      .start();
    started.push(nats);
    process.env.NATS_URL = `nats://${nats.getHost()}:${nats.getMappedPort(4222)}`;
  }
}

export async function teardown(): Promise<void> {
  for (const container of started.splice(0)) await container.stop();
}
