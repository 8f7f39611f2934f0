import { randomUUID } from 'node:crypto';
import { browserAvailable } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';
import { partner } from '../support/principals';
import { waitFor } from '../support/wait';

/**
 * A partner workshop on its phone: a stage handed to it waits until the studio's work before it
 * is done, and says so the moment it is (live, no reload); declining the work asks first and
 * says what happens. Changes data: a hub of its own.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;

const REQUEST = `mutation($input: OverflowRequestInput!, $key: String!) { requestOverflow(input: $input, idempotencyKey: $key) { id } }`;
const ALLOCATE = `mutation($ids: [ID!]!) { allocateOverflow(requestIds: $ids) { allocations { id enterpriseId stageRunId } } }`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describeInBrowser('the partner’s workspace', () => {
  const world = useBrowserHub();
  const { newPage, ok, importOrder, runStage, demoSignIn, expectAccessible, screenshots } = world;

  it('shows a handed-over stage becoming ready live, and declines it only once confirmed', async () => {
    const order = await importOrder();
    const gildingIndex = order.stages.findIndex((stage) => stage.statusCode.code === 'C50');
    const gilding = order.stages[gildingIndex];
    const request = ok(
      await world.t.gql(REQUEST, {
        input: {
          studioId: 'moyun-studio',
          capability: 'C50',
          stageRunId: gilding.id,
          orderId: order.id,
          earliestStart: day(0),
          dueDate: day(3),
          priceCapCents: 20_000,
          minQuality: 4,
        },
        key: randomUUID(),
      }),
    ).requestOverflow as { id: string };
    const [allocation] = ok(await world.t.gql(ALLOCATE, { ids: [request.id] })).allocateOverflow.allocations;
    expect(allocation).toMatchObject({ enterpriseId: 'gilding-atelier', stageRunId: gilding.id });
    const held = async () =>
      (
        ok(await world.t.gql(`{ assignedStages(enterpriseId: "gilding-atelier") { id } }`, {}, { as: partner('gilding-atelier') }))
          .assignedStages as { id: string }[]
      ).some((stage) => stage.id === gilding.id);
    await waitFor(held, 15_000, 'the gilding stage handed to the atelier');

    const page = await newPage({ width: 375, height: 812 });
    await demoSignIn(page, '/partner', 'PARTNER', 'gilding-atelier');
    await page.getByRole('button', { name: '中文' }).click();
    const stage = page.locator(`li[data-stage-id="${gilding.id}"]`);
    await stage.locator('[data-ready="false"]').waitFor(WAIT);
    expect(await stage.innerText()).toContain('等待前一道工序');

    // The studio finishes the work before it; the page says the stage may start, without a reload.
    for (const earlier of order.stages.slice(0, gildingIndex)) await runStage(earlier);
    await stage.locator('[data-ready="true"]').waitFor(WAIT);
    expect(await stage.innerText()).toContain('可以开始');

    // Declining asks first and says what happens; Escape keeps the work.
    await stage.getByRole('button', { name: '拒绝' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor(WAIT);
    expect(await dialog.innerText()).toContain('工作将退回工作室');
    await expectAccessible(page);
    await screenshots(page, 'partner-decline-zh');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    expect(await held()).toBe(true);

    await stage.getByRole('button', { name: '拒绝' }).click();
    await dialog.getByRole('button', { name: '确认拒绝' }).click();
    await waitFor(async () => !(await held()), 15_000, 'the stage back with the studio');
    await stage.waitFor({ state: 'detached', ...WAIT });
  }, 90_000);
});
