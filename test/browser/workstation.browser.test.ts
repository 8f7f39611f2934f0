import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { browserAvailable, screenshot } from '../support/browser';
import { useBrowserHub, WAIT } from '../support/browser-suite';

/**
 * The operator at the workstation, on a phone: a supervisor prints an order's work-order ticket;
 * its QR code, decoded from the printed sheet, opens that order's stages; the operator (whose
 * role may use only the stage operations) starts the QC stage there with one tap and completes it
 * from "my stages" with the QC result and the kiln's readings. Its own hub: it changes data.
 */
const describeInBrowser = browserAvailable() ? describe : describe.skip;
// About 30 s on a quiet machine; on a loaded one the flow takes longer: the bound is the work, not the time.
const FLOW_TIMEOUT = 300_000;

describeInBrowser('the operator’s workstation', () => {
  const world = useBrowserHub();
  const { newPage, ok, demoSignIn, expectAccessible } = world;

  /** What a Chinese page must not show: English words, and ids or codes of the hub. */
  const expectNoEnglish = async (page: Page, allowed: string[]) => {
    // Order numbers (the shop's and the demo's) are what people read; the brand and the language switch stay.
    let text = (await page.locator('body').innerText()).replace(/\b(?:DEMO-\d{4}|TB-\d+-\d+)\b/g, '');
    for (const word of ['Weft', 'WEFT', 'English', ...allowed]) text = text.split(word).join('');
    expect(text).not.toMatch(/\b(stg|ord|exc)_|order\.stage\.|\b[A-Z]\d{2}\b|[A-Za-z]{2,}/);
  };

  it(
    'prints a ticket whose QR opens the order, where an operator starts its QC stage and completes it with readings',
    async () => {
      const order = await world.importOrder();
      const { stages, externalOrderId: number } = ok(
        await world.t.gql(`query($id: ID!) { order(id: $id) { externalOrderId stages { id code qcCheckpoint } } }`, { id: order.id }),
      ).order as { externalOrderId: string; stages: { id: string; code: string; qcCheckpoint: boolean }[] };
      // The first firing: a QC checkpoint at the kiln.
      const qcAt = stages.findIndex((stage) => stage.qcCheckpoint && stage.code === 'C40');
      expect(qcAt).toBeGreaterThan(0);
      for (const stage of order.stages.slice(0, qcAt)) await world.runStage(stage);
      const qcStage = stages[qcAt];

      // A supervisor prints the order's ticket from the console (the browser's print, stubbed here).
      const console_ = await newPage({ width: 1280, height: 800 });
      await console_.addInitScript({ content: 'window.print = () => { window.printed = (window.printed ?? 0) + 1; };' });
      await demoSignIn(console_, `/studio?order=${order.id}`, 'SUPERVISOR', 'moyun-studio');
      await console_.getByTestId('order-status').waitFor(WAIT);
      await console_.getByTestId('print-ticket').click();
      await console_.waitForFunction('window.printed === 1', undefined, WAIT);
      await expectAccessible(console_);
      await console_.emulateMedia({ media: 'print' });
      await console_.setViewportSize({ width: 800, height: 1100 });
      const ticket = console_.getByTestId('work-ticket');
      expect(await ticket.innerText()).toContain(number);
      const sheet = await ticket.screenshot();
      await screenshot(console_, 'workstation-ticket-print');
      const { data, info } = await sharp(sheet).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const decoded = jsQR(new Uint8ClampedArray(data), info.width, info.height);
      expect(decoded?.data).toBe(`${world.base}/stages?order=${order.id}`);
      // The same ticket in Chinese: no English, no codes, no ids on the sheet.
      await console_.emulateMedia({ media: 'screen' });
      await console_.getByRole('button', { name: '中文' }).click();
      await console_.emulateMedia({ media: 'print' });
      await ticket.getByText('工单', { exact: true }).waitFor(WAIT);
      expect((await ticket.innerText()).split(number).join('')).not.toMatch(/[A-Za-z]{2,}|\b(stg|ord)_/);
      await screenshot(console_, 'workstation-ticket-print-zh');

      // The operator's phone opens what the camera read, signs in once, says who is working.
      const phone = await newPage({ width: 375, height: 812 });
      await demoSignIn(phone, new URL(decoded!.data).pathname + new URL(decoded!.data).search, 'OPERATOR', 'moyun-studio');
      await phone.getByLabel('Your name').fill('王芳');
      await phone.getByLabel('Pen name').fill('云舟');
      // Signed in by her code, a registered operator without the kiln's skill (C40) is refused it.
      await phone.getByLabel('Operator code (optional)').fill('op-mobai');
      await phone.getByRole('button', { name: 'Save' }).click();
      const orderStages = phone.getByTestId('order-stages');
      await orderStages.waitFor(WAIT);
      expect(await orderStages.getByRole('heading', { level: 2 }).innerText()).toContain(number);
      await expectAccessible(phone);
      await screenshot(phone, 'workstation-order-en-375');
      await orderStages.getByRole('button', { name: 'Start' }).click();
      const lacksSkill = orderStages.locator('.refusal[data-code="OPERATOR_LACKS_SKILL"]');
      await lacksSkill.waitFor(WAIT);
      expect(await lacksSkill.innerText()).toContain('does not have the skill this stage needs');
      // The colleague who has it signs in on the same phone and starts it.
      await phone.getByTestId('operator').getByRole('button', { name: 'Change' }).click();
      await phone.getByLabel('Operator code (optional)').fill('op-qingyao');
      await phone.getByRole('button', { name: 'Save' }).click();
      await orderStages.getByRole('button', { name: 'Start' }).click();
      await phone.getByTestId('workstation-announcement').filter({ hasText: 'Started' }).waitFor(WAIT);

      // From "my stages": the running QC stage, completed with its result and the kiln's readings.
      await phone.getByRole('button', { name: /All my stages/ }).click();
      const card = phone.getByTestId('running').getByTestId('work-card').filter({ hasText: number });
      await card.waitFor(WAIT);
      expect(await card.innerText()).toContain('Mine');
      const complete = card.getByRole('button', { name: 'Record result and complete' });
      await complete.click();
      await card.getByText('Choose the quality check result.').waitFor(WAIT); // no result chosen: nothing sent
      await card.getByLabel('Passed', { exact: true }).check();
      const temperature = card.getByLabel('Kiln temperature (°C)');
      await temperature.fill('99999');
      await complete.click();
      await card.getByText(/must be a number from/).waitFor(WAIT);
      await temperature.fill('1296');
      await card.getByLabel('Humidity (%)').fill('58');
      await expectAccessible(phone);
      await screenshot(phone, 'workstation-complete-en-375');
      await complete.click();
      await phone.getByTestId('workstation-announcement').filter({ hasText: 'Completed' }).waitFor(WAIT);

      const done = ok(
        await world.t.gql(
          `query($id: ID!) { order(id: $id) { stages { id status qcResult operatorName operatorPenName environment { name value unit } } } }`,
          { id: order.id },
        ),
      ).order.stages.find((stage: { id: string }) => stage.id === qcStage.id);
      expect(done).toMatchObject({ status: 'DONE', qcResult: 'PASS', operatorName: '王芳', operatorPenName: '云舟' });
      expect(done.environment).toEqual([
        { name: 'kiln temperature', value: 1296, unit: '°C' },
        { name: 'humidity', value: 58, unit: '%' },
      ]);

      // The same list in Chinese: no English, no codes, no ids; the order's next stage waits in it.
      await phone.getByRole('button', { name: '中文' }).click();
      await phone.getByRole('heading', { name: '进行中' }).waitFor(WAIT);
      await expect(phone.locator('[data-testid=work-card]').filter({ hasText: number }).count()).resolves.toBe(1);
      await expectNoEnglish(phone, []);
      await expectAccessible(phone);
      await screenshot(phone, 'workstation-list-zh-375');
      // A workstation's desktop too (a tablet or the PC beside the kiln): the same list, nothing sideways.
      await phone.setViewportSize({ width: 1280, height: 800 });
      expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      await screenshot(phone, 'workstation-list-zh-1280');
    },
    FLOW_TIMEOUT,
  );
});
