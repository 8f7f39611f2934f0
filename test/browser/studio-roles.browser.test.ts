import type { Page } from 'playwright-core';
import { STUDIO_STAFF } from '../../contracts';
import { browserAvailable, screenshot } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';

/**
 * The studio console as each of the studio's roles uses it: every part of an order in each state
 * and every section of the console opens for an admin, a supervisor and an operator alike, each
 * asking only for what the role may read — nothing refused, no error, on any of them.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;

describeInBrowser('the studio console for every studio role', () => {
  const world = useBrowserHub();
  const { newPage, ok, demoSignIn, expectAccessible } = world;

  /**
   * Demo orders of 墨韵文创 that show each part of the panel: one in production with an open
   * exception, one ready to ship (the shipping form), one delivered, one cancelled.
   */
  const ordersToOpen = async (): Promise<{ id: string; status: string }[]> => {
    const { orders } = ok(
      await world.t.gql(`{ orders(studioId: "moyun-studio", first: 100) { nodes { id status exceptions { status } } } }`),
    );
    const nodes = orders.nodes as { id: string; status: string; exceptions: { status: string }[] }[];
    const late = nodes.find((node) => node.status === 'IN_PRODUCTION' && node.exceptions.some((exception) => exception.status === 'OPEN'));
    const picked = ['READY_TO_SHIP', 'DELIVERED', 'CANCELLED'].map((status) => nodes.find((node) => node.status === status));
    expect([late, ...picked].every(Boolean)).toBe(true);
    return [late!, ...picked.map((node) => node!)];
  };

  /** Nothing on the page says something went wrong or was refused. */
  const expectNoRefusal = async (page: Page, where: string) => {
    await page
      .locator('.state.loading')
      .first()
      .waitFor({ state: 'detached', ...WAIT });
    const refusals = await page.locator('.refusal, .state.error, [role=alert]').allInnerTexts();
    expect({ where, refusals }).toEqual({ where, refusals: [] });
    expect(await page.locator('main').innerText()).not.toMatch(/may not use|roles? may not|FORBIDDEN/i);
  };

  const signIn = async (role: string) => {
    const page = await newPage({ width: 1280, height: 800 });
    await demoSignIn(page, '/studio', role, 'moyun-studio');
    await page.getByTestId('kanban').waitFor(WAIT);
    await expectNoRefusal(page, 'kanban');
    return page;
  };

  // On a loaded machine a role's walk through four orders takes a while: the bound is the work, not the time.
  const ROLE_TIMEOUT = 300_000;

  it.concurrent.each([...STUDIO_STAFF])(
    'lets a %s open every part of an order in each state, asking only for what the role may read',
    async (role) => {
      const orders = await ordersToOpen();
      const page = await signIn(role);
      for (const order of orders) {
        await page.goto(`${world.base}/studio?order=${order.id}`);
        const detail = page.getByTestId('order-detail');
        // The order, or what went wrong (then said by expectNoRefusal).
        await detail.locator('[data-testid=order-status], .state.error').first().waitFor(WAIT);
        // Every folded part of the panel (progress log, cancellation) opened too.
        for (const summary of await detail.locator('details > summary').all()) await summary.click();
        await expectNoRefusal(page, `${order.status} order`);
        // Customer links are the leads' to mint and revoke: an operator's panel neither shows nor asks for them.
        expect(await detail.getByRole('heading', { name: 'Customer links' }).count()).toBe(role === 'OPERATOR' ? 0 : 1);
        if (order.status === 'IN_PRODUCTION') {
          await expectAccessible(page);
          if (role === 'OPERATOR') await screenshot(page, 'studio-order-operator-1280');
        }
      }
    },
    ROLE_TIMEOUT,
  );

  it.concurrent.each([...STUDIO_STAFF])(
    'lets a %s open every section of the console, saying in words what the role does not do',
    async (role) => {
      const page = await signIn(role);
      for (const [tab, heading] of [
        ['Delay alerts', 'Delay alerts'],
        ['Materials', 'Material risk and reorder suggestions'],
        ['Overflow', 'Declare a demand surge'],
      ] as const) {
        await page.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: tab }).click();
        await page.getByRole('heading', { name: heading }).or(page.locator('.state.error')).first().waitFor(WAIT);
        await expectNoRefusal(page, tab);
        if (tab === 'Materials') {
          const said = await page.getByText('Reorder suggestions are for the studio admin and supervisors').count();
          expect(said).toBe(role === 'OPERATOR' ? 1 : 0);
        }
        if (tab === 'Overflow') {
          expect(await page.getByRole('button', { name: 'Declare and place overflow' }).count()).toBe(role === 'OPERATOR' ? 0 : 1);
        }
        await expectAccessible(page);
        if (role === 'OPERATOR') await screenshot(page, `studio-${tab.toLowerCase().replace(/ /g, '-')}-operator-1280`);
      }
    },
    ROLE_TIMEOUT,
  );
});
