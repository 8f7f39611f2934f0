import { browserAvailable } from '../support/browser';
import { signInAtProvider, useBrowserHub, WAIT } from '../support/browser-suite';

/**
 * An invitation link in a real browser: someone the studio invited opens it, signs in through the
 * hub's OpenID Connect provider with an account that is nobody's member yet, accepts, and holds
 * the hub's exchanged token with the invitation's enterprise and roles.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;

/** Latin words and ids, which the Chinese join page must not show. */
const NOT_CHINESE = /[a-z][\w.-]{2,}/gi;

describeInBrowser('joining an enterprise by invitation', () => {
  const world = useBrowserHub();
  const { newPage, ok, expectAccessible, screenshots, demoSignIn } = world;

  it('signs a new identity in from the link, accepts, and exchanges its token for the membership’s', async () => {
    // The studio's admin invites from the console and copies the link it shows.
    const console = await newPage({ width: 1280, height: 800 });
    await demoSignIn(console, '/studio', 'STUDIO_ADMIN', 'moyun-studio');
    await console.getByRole('button', { name: 'Settings', exact: true }).click();
    await console.getByRole('button', { name: 'Members and invitations' }).click();
    const members = console.getByTestId('members');
    await members.waitFor(WAIT);
    await members.getByRole('textbox', { name: 'E-mail address' }).fill('new.lead@example.com');
    await members.getByLabel('Name to list them under').fill('新组长');
    await members.getByLabel('Operator').uncheck();
    await members.getByLabel('Supervisor').check();
    await members.getByRole('button', { name: 'Create the invitation link' }).click();
    const linkBox = members.getByLabel('Invitation link (works once, for 7 days)');
    await linkBox.waitFor(WAIT);
    const invited = { url: await linkBox.inputValue() };
    await members.getByText('新组长 · Supervisor ·').waitFor(WAIT);
    await expectAccessible(console);
    await screenshots(console, 'members-invited');
    await console.getByRole('button', { name: '中文' }).click();
    await members.getByRole('heading', { name: '成员与邀请' }).waitFor(WAIT);
    expect((await members.innerText()).replace(invited.url, '').replace('new.lead@example.com', '').match(NOT_CHINESE) ?? []).toEqual([]);
    await screenshots(console, 'members-invited-zh');

    const page = await newPage();
    await page.goto(invited.url);
    await page.getByRole('heading', { name: 'Sign in to accept your invitation' }).waitFor(WAIT);
    await expectAccessible(page);
    await screenshots(page, 'join-signed-out');
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
    // An account the provider gives no hub roles: only the invitation makes it a member.
    await signInAtProvider(page, world.idp.issuer, 'new-lead');
    await page.waitForURL((url) => url.pathname === '/join', WAIT);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.getByText('You are now a member of Moyun Creative Studio.').waitFor(WAIT);
    await expectAccessible(page);
    await screenshots(page, 'join-joined');
    const session = JSON.parse((await page.evaluate<string | null>('sessionStorage.getItem("weft.staffSession")'))!);
    expect(session).toMatchObject({ via: 'oidc', exchanged: true, role: 'SUPERVISOR', org: 'moyun-studio' });
    expect(JSON.parse(Buffer.from(session.token.split('.')[0], 'base64url').toString()).alg).toBe('HS256');
    expect(
      ok(await world.t.gql(`{ stageBoard(studioId: "moyun-studio") { overdueTotal } }`, {}, { as: session.token })).stageBoard.overdueTotal,
    ).toBeGreaterThanOrEqual(0);

    // The same link again, in Chinese: used once, said so in Chinese only.
    await page.goto(invited.url);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '接受邀请' }).click();
    await page.getByText('此邀请已被使用，请联系企业重新邀请。').waitFor(WAIT);
    const text = await page.locator('section.card').innerText();
    expect(text.match(NOT_CHINESE) ?? []).toEqual([]);
    await expectAccessible(page);
    await screenshots(page, 'join-used-zh');
  });
});
