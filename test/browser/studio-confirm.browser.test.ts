import { browserAvailable } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';
import { waitFor } from '../support/wait';

/**
 * What cannot be undone asks first: removing a stage from the route and cancelling an order each
 * open a dialog that says what will happen, and "keep" changes nothing; choosing a workshop for a
 * stage only shows its offer until the lead hands the stage over. Changes data: a hub of its own.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;

describeInBrowser('the studio console asks before it changes what cannot be undone', () => {
  const world = useBrowserHub();
  const { newPage, ok, demoSignIn, expectAccessible, screenshots, importOrder } = world;

  const stagesOf = async (orderId: string) =>
    ok(await world.t.gql(`query($id: ID!) { order(id: $id) { status stages { id status assignedTo { id } } } }`, { id: orderId }))
      .order as {
      status: string;
      stages: { id: string; status: string; assignedTo: { id: string } | null }[];
    };

  it('removes a stage and cancels an order only once confirmed, and assigns only on the button', async () => {
    const order = await importOrder();
    const page = await newPage({ width: 1280, height: 800 });
    await demoSignIn(page, `/studio?order=${order.id}`, 'STUDIO_ADMIN', 'moyun-studio');
    const detail = page.getByTestId('order-detail');
    await detail.getByTestId('order-status').waitFor(WAIT);
    const last = order.stages.at(-1)!;

    // Choosing a workshop does nothing yet: the stage stays ours until "Hand over" is confirmed.
    const assign = detail.locator('li.stage').last().getByLabel('Who does this stage');
    const partner = await assign.locator('option').nth(1).getAttribute('value');
    await assign.selectOption(partner);
    await detail.locator('li.stage').last().getByRole('button', { name: 'Hand over…' }).waitFor(WAIT);
    expect((await stagesOf(order.id)).stages.at(-1)!.assignedTo?.id ?? 'moyun-studio').toBe('moyun-studio');
    await assign.selectOption('moyun-studio');

    // Remove the last stage: a dialog says what happens; "keep" leaves the route as it was.
    await detail.locator('li.stage').last().getByRole('button', { name: 'Remove from route' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor(WAIT);
    expect(await dialog.innerText()).toMatch(/will not be done on this order/);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Keep it as it is' }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    expect((await stagesOf(order.id)).stages.find((stage) => stage.id === last.id)!.status).toBe('PENDING');
    // The same in Chinese (Escape closes it too, changing nothing).
    await page.getByRole('button', { name: '中文' }).click();
    await detail.locator('li.stage').last().getByRole('button', { name: '从路线中移除' }).click();
    await dialog.getByRole('heading', { name: /从路线中移除/ }).waitFor(WAIT);
    await screenshots(page, 'studio-confirm-remove-stage-zh');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await page.getByRole('button', { name: 'English' }).click();

    await detail.locator('li.stage').last().getByRole('button', { name: 'Remove from route' }).click();
    await dialog.getByRole('button', { name: 'Remove the stage' }).click();
    await waitFor(async () => (await stagesOf(order.id)).stages.find((stage) => stage.id === last.id)!.status === 'CANCELLED');

    // Cancelling needs a reason, then a confirmation that says it cannot be undone.
    await detail.getByText('Cancel this order').click();
    const cancel = detail.getByRole('button', { name: 'Cancel order', exact: true });
    expect(await cancel.isDisabled()).toBe(true);
    await detail.getByLabel('Reason').fill('客户改变主意');
    await cancel.click();
    await dialog.waitFor(WAIT);
    expect(await dialog.innerText()).toMatch(/cannot be undone/);
    expect((await stagesOf(order.id)).status).not.toBe('CANCELLED');
    await screenshots(page, 'studio-confirm-cancel-en');
    await dialog.getByRole('button', { name: 'Cancel the order' }).click();
    await waitFor(async () => (await stagesOf(order.id)).status === 'CANCELLED');
  }, 120_000);

  it('sets what the studio offers customers when an order runs late, on the page', async () => {
    const page = await newPage({ width: 375, height: 812 });
    await demoSignIn(page, '/studio', 'SUPERVISOR', 'moyun-studio');
    await page.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: 'Delay offers' }).click();
    const settings = page.getByTestId('delay-settings');
    await settings.waitFor(WAIT);
    await settings.getByRole('button', { name: 'Add an option' }).click();
    await settings.getByRole('textbox').last().fill('免费礼盒包装');
    await settings.getByRole('button', { name: 'Save the options' }).click();
    await settings.getByRole('status').waitFor(WAIT);
    const { delayPolicy } = ok(await world.t.gql(`{ delayPolicy(studioId: "moyun-studio") { compensationOptions } }`));
    expect(delayPolicy.compensationOptions).toContain('免费礼盒包装');
    await expectAccessible(page);
    await page.getByRole('button', { name: '中文' }).click();
    await settings.getByRole('heading', { name: '订单延误时我们提供的补偿' }).waitFor(WAIT);
    await screenshots(page, 'studio-delay-offers-zh');
  }, 120_000);
});
