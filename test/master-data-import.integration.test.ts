import ExcelJS from 'exceljs';
import { RESOURCE_EVENTS, SUPPLY_EVENTS, type Principal } from '../contracts';
import { OutboxEvent } from '../platform/events/outbox';
import { StudioOperator } from '../subgraphs/capacity/resources/operator.entity';
import { WorkCenter } from '../subgraphs/capacity/resources/work-center.entity';
import { BillOfMaterials, BomLine, Material } from '../subgraphs/suppliers/entities/material';
import type { TestHub } from './support/hub';
import { CatalogueProduct, CatalogueRoute, RouteVersion } from '../subgraphs/orders/entities/catalogue';
import { dialects, startTestHub } from './support/hub';
import { staff } from './support/principals';

const ADMIN = staff('moyun-studio');
const MATERIAL_COLUMNS = ['sku', 'nameZh', 'nameEn', 'unit', 'abcClass', 'unitCostCents', 'safetyStock', 'stockingPolicy', 'substitutes'];

type Sheets = Record<string, (string | number)[][]>;

/** A workbook as a studio would write it: one worksheet per sheet, the header on row 1. */
async function workbook(sheets: Sheets): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The leather-goods studio's first materials and a bill naming one of its own and one of the demo's. */
const materialRows = (abcOfSecond = 'B') => [
  MATERIAL_COLUMNS,
  ['LEATHER-VEG', '植鞣革', 'Vegetable-tanned leather', 'dm2', 'A', 1200, 50, 'STOCKED', ''],
  ['THREAD-WAX', '蜡线', 'Waxed thread', 'm', abcOfSecond, 3, 0, 'MADE_TO_ORDER', ''],
];
const bomRows = (sku = 'THREAD-WAX') => [
  ['productCode', 'sku', 'quantityPerUnit', 'stageCode'],
  ['WALLET-CLASSIC', 'LEATHER-VEG', 6, 'B10'],
  ['WALLET-CLASSIC', sku, 2, 'B10'],
  ['WALLET-CLASSIC', 'GIFT-BOX', 1, 'B10'],
];
const operatorRows = [
  ['code', 'penName', 'realName', 'skills', 'shiftHours'],
  ['OP-LIN', '林师傅', '林小梅', 'B10;B20', '1 09:00-18:00;2 09:00-18:00'],
];
const centerRows = [
  ['code', 'nameZh', 'nameEn', 'kind', 'capacityPerBatch', 'batchMinutes', 'setupMinutes'],
  ['TABLE-1', '裁床一号', 'Cutting table 1', 'CUTTING_TABLE', 4, 30, 5],
];

describe.each(dialects())('moving in with a spreadsheet: /import and /export (%s)', (dialect) => {
  let t: TestHub;
  let base: string;

  beforeAll(async () => {
    t = await startTestHub(dialect, { actingAs: ADMIN });
    for (const name of ['network', 'suppliers']) await t.hub.subgraphs[name].definition.seed!(t.hub.subgraphs[name]);
    base = t.hub.gateway.http.url;
  });
  afterAll(() => t?.close());

  const suppliers = () => t.hub.subgraphs.suppliers.systemContext().em.fork();
  const capacity = () => t.hub.subgraphs.capacity.systemContext().em.fork();
  const orders = () => t.hub.subgraphs.orders.systemContext().em.fork();
  /** Everything an import could change, and the events written. */
  const masterData = async () =>
    JSON.stringify([
      await suppliers().find(Material, {}, { orderBy: [{ studioId: 'asc' }, { sku: 'asc' }] }),
      await suppliers().find(BillOfMaterials, {}, { orderBy: [{ studioId: 'asc' }, { productCode: 'asc' }] }),
      await suppliers().count(BomLine, {}),
      await suppliers().count(OutboxEvent, {}),
      await capacity().find(StudioOperator, {}, { orderBy: { id: 'asc' } }),
      await capacity().find(WorkCenter, {}, { orderBy: { id: 'asc' } }),
      await capacity().count(OutboxEvent, {}),
      await orders().find(CatalogueProduct, {}, { orderBy: [{ studioId: 'asc' }, { productCode: 'asc' }], filters: false }),
      await orders().find(CatalogueRoute, {}, { orderBy: [{ studioId: 'asc' }, { code: 'asc' }], filters: false }),
      await orders().count(RouteVersion, {}, { filters: false }),
      await orders().count(OutboxEvent, {}),
    ]);

  const upload = async (
    body: Buffer | string,
    options: { as?: Principal | null; dryRun?: boolean; query?: string; contentType?: string } = {},
  ): Promise<{ status: number; body: any }> => {
    const as = options.as === undefined ? ADMIN : options.as;
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/octet-stream' };
    if (as) headers.authorization = `Bearer ${await t.token(as)}`;
    const query = `dryRun=${options.dryRun ? 'true' : 'false'}${options.query ? `&${options.query}` : ''}`;
    const response = await fetch(`${base}/import?${query}`, { method: 'POST', headers, body });
    return { status: response.status, body: await response.json() };
  };
  const exported = async (query: string, as: Principal = ADMIN) => {
    const response = await fetch(`${base}/export?${query}`, { headers: { authorization: `Bearer ${await t.token(as)}` } });
    return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
  };

  it('refuses a workbook with bad rows, naming each sheet, row and column, and keeps nothing of it', async () => {
    const before = await masterData();
    const file = await workbook({
      materials: materialRows('D'),
      boms: bomRows('THREAD-NONE'),
      operators: operatorRows,
      workCenters: centerRows,
    });
    const { status, body } = await upload(file);
    expect(status).toBe(422);
    expect(body).toMatchObject({ applied: false, error: { code: 'ROWS_REFUSED' } });
    expect(body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'materials', row: 3, field: 'abcClass', code: 'INVALID' }),
        expect.objectContaining({ sheet: 'boms', row: 3, field: 'sku', code: 'UNKNOWN_REFERENCE' }),
      ]),
    );
    expect(body.problems).toHaveLength(2);
    expect(await masterData()).toBe(before);
  });

  it('reports a column no sheet has, an empty required cell and a skill outside the vocabulary', async () => {
    const before = await masterData();
    const file = await workbook({
      materials: [
        [...MATERIAL_COLUMNS, 'colour'],
        ['LEATHER-VEG', '', 'Leather', 'dm2', 'A', 1200, 0, '', '', 'brown'],
      ],
      operators: [operatorRows[0], ['OP-WU', '吴师傅', '吴', 'Z99', '']],
    });
    const { status, body } = await upload(file, { dryRun: true });
    expect(status).toBe(422);
    expect(body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'materials', row: 1, field: 'colour', code: 'INVALID' }),
        expect.objectContaining({ sheet: 'materials', row: 2, field: 'nameZh', code: 'MISSING' }),
        expect.objectContaining({ sheet: 'operators', row: 2, field: 'skills', code: 'UNKNOWN_REFERENCE' }),
      ]),
    );
    expect(await masterData()).toBe(before);
  });

  it('fixed: a dry run says what would change and changes nothing; the import applies it all with one event per part', async () => {
    const before = await masterData();
    const file = await workbook({ materials: materialRows(), boms: bomRows(), operators: operatorRows, workCenters: centerRows });
    const dry = await upload(file, { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({
      dryRun: true,
      applied: false,
      sheets: {
        materials: { rows: 2, created: 2, updated: 0, unchanged: 0 },
        boms: { rows: 3, created: 3, updated: 0, unchanged: 0 },
        operators: { rows: 1, created: 1, updated: 0, unchanged: 0 },
        workCenters: { rows: 1, created: 1, updated: 0, unchanged: 0 },
      },
      problems: [],
    });
    expect(await masterData()).toBe(before);
    const materialEvents = await suppliers().count(OutboxEvent, { type: SUPPLY_EVENTS.MATERIAL_CHANGED });

    const done = await upload(file);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ dryRun: false, applied: true, sheets: dry.body.sheets, problems: [] });
    expect(await suppliers().findOneOrFail(Material, { studioId: 'moyun-studio', sku: 'LEATHER-VEG' })).toMatchObject({
      nameZh: '植鞣革',
      unitCostCents: 1200,
      safetyStock: 50,
    });
    const bill = await suppliers().find(BomLine, { studioId: 'moyun-studio', productCode: 'WALLET-CLASSIC' }, { orderBy: { sku: 'asc' } });
    expect(bill.map((line) => [line.sku, line.quantityPerUnit])).toEqual([
      ['GIFT-BOX', 1],
      ['LEATHER-VEG', 6],
      ['THREAD-WAX', 2],
    ]);
    expect(await capacity().findOneOrFail(StudioOperator, { enterpriseId: 'moyun-studio', code: 'OP-LIN' })).toMatchObject({
      penName: '林师傅',
      skills: ['B10', 'B20'],
      shiftHours: [
        { weekday: 1, start: '09:00', end: '18:00' },
        { weekday: 2, start: '09:00', end: '18:00' },
      ],
    });
    // One master-data event per part, with the actor and a summary; none per row.
    expect(await suppliers().count(OutboxEvent, { type: SUPPLY_EVENTS.MATERIAL_CHANGED })).toBe(materialEvents);
    const [imported] = await suppliers().find(OutboxEvent, { type: SUPPLY_EVENTS.MATERIALS_IMPORTED });
    expect(imported.payload).toEqual({
      studioId: 'moyun-studio',
      sheets: [
        { sheet: 'materials', created: 2, updated: 0, unchanged: 0 },
        { sheet: 'boms', created: 3, updated: 0, unchanged: 0 },
      ],
    });
    expect(imported.actorSubject).toBe(ADMIN.subject);
    expect(await capacity().count(OutboxEvent, { type: RESOURCE_EVENTS.RESOURCES_IMPORTED })).toBe(1);
  });

  it('exports what it holds as a workbook and as CSV, and importing the export again changes nothing', async () => {
    const book = await exported('format=xlsx');
    expect(book.status).toBe(200);
    expect(book.type).toMatch(/spreadsheetml/);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(book.bytes as unknown as ExcelJS.Buffer);
    expect(read.worksheets.map((sheet) => sheet.name)).toEqual(['products', 'routes', 'materials', 'boms', 'operators', 'workCenters']);
    expect(read.getWorksheet('materials')!.getRow(1).values).toEqual([undefined, ...MATERIAL_COLUMNS]);
    const before = await masterData();
    const again = await upload(book.bytes);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ applied: true, problems: [] });
    for (const counts of Object.values<{ rows: number; created: number; updated: number; unchanged: number }>(again.body.sheets))
      expect(counts).toEqual({ rows: counts.rows, created: 0, updated: 0, unchanged: counts.rows });
    expect(again.body.sheets).toMatchObject({ materials: { unchanged: 6 }, operators: { unchanged: 1 }, workCenters: { unchanged: 1 } });
    // The studio's catalogue (its products and their routes, one row per stage) round-trips too.
    expect(again.body.sheets.products.unchanged).toBeGreaterThan(0);
    expect(again.body.sheets.routes.unchanged).toBeGreaterThan(again.body.sheets.products.unchanged);
    // Nothing changed, so nothing was written: not even a summary event.
    expect(await masterData()).toBe(before);

    const csv = await exported('format=csv&sheets=materials');
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/text\/csv/);
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const csvAgain = await upload(csv.bytes, { dryRun: true, query: 'sheet=materials', contentType: 'text/csv' });
    expect(csvAgain.body).toMatchObject({ sheets: { materials: { rows: 6, created: 0, updated: 0, unchanged: 6 } }, problems: [] });
  });

  it('takes a CSV sheet with a byte-order mark, and refuses a CSV without a sheet named', async () => {
    const text = '\ufeffsku,nameZh,nameEn,unit,abcClass,unitCostCents\nCORD-COTTON,棉绳,Cotton cord,m,C,5\n';
    const dry = await upload(Buffer.from(text), { dryRun: true, query: 'sheet=materials', contentType: 'text/csv' });
    expect(dry).toMatchObject({ status: 200, body: { sheets: { materials: { rows: 1, created: 1 } }, problems: [] } });
    const unnamed = await upload(Buffer.from(text), { dryRun: true, contentType: 'text/csv' });
    expect(unnamed).toMatchObject({ status: 400, body: { error: { code: 'SHEET_REQUIRED' } } });
  });

  it('refuses a PNG renamed .xlsx by its bytes, and a file past the limit with 413, keeping nothing', async () => {
    const before = await masterData();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const refused = await upload(png, { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(refused).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_FILE' } } });
    const zipNotWorkbook = await upload(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]));
    expect(zipNotWorkbook).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_FILE' } } });
    const big = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0x41));
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
    expect(await masterData()).toBe(before);
  });

  it('checks the token before it reads the file: none is 401, a bad one 401, whatever the body', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await upload(png, { as: null })).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    const response = await fetch(`${base}/import`, { method: 'POST', headers: { authorization: 'Bearer not-a-token' }, body: png });
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).error.code).toBe('UNAUTHENTICATED');
    const exportWithout = await fetch(`${base}/export?format=xlsx`);
    expect(exportWithout.status).toBe(401);
  });

  it("refuses another studio's admin and the studio's own operator, keeping nothing", async () => {
    const before = await masterData();
    const file = await workbook({ materials: materialRows(), operators: operatorRows });
    const foreign = await upload(file, { as: staff('moyun-bakery'), query: 'studioId=moyun-studio' });
    expect(foreign).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const operator = await upload(file, { as: staff('moyun-studio', 'OPERATOR') });
    expect(operator).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const foreignExport = await exported('format=xlsx&studioId=moyun-studio', staff('moyun-bakery'));
    expect(foreignExport.status).toBe(403);
    expect(await masterData()).toBe(before);
  });
});
