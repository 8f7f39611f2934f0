import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { IMPORT_SHEETS, MAX_IMPORT_FILE_BYTES, type ImportSheet } from '../contracts';
import { logger } from '../platform/base/logger';
import { BodyTooLargeError, readBodyBytes, sendJson, type GraphQLEndpoint, type RouteHandler } from '../platform/runtime/http-server';
import type { GatewayContext } from './context';
import { executeGraphQL } from './epcis';
import { sheetNamed, type FileProblem, type SheetRow } from './spreadsheet';
import { SpreadsheetFailed, SpreadsheetThreadBusy, type SpreadsheetThread } from './spreadsheet-thread';

/**
 * A studio moves in with a spreadsheet: `POST /import` takes an XLSX workbook (a sheet per kind)
 * or one CSV sheet (`?sheet=`), `GET /export` writes the same from the studio's data. The caller's
 * token is checked before the body is read; the body is bounded (MAX_IMPORT_FILE_BYTES, 413) and
 * recognised by its bytes (415 UNSUPPORTED_FILE otherwise), then read on the spreadsheet thread.
 * Each sheet's rows go, under the caller's token, through this gateway's planner to the mutation
 * of the part that owns them (SHEET_OWNERS) — every part as a dry run first, and only when every
 * part is clean (and the caller did not ask for a dry run) each applied: so the subgraphs' rules
 * and permissions decide, and a bad row anywhere keeps everything as it was.
 */

type Rows = Partial<Record<ImportSheet, SheetRow[]>>;
type Data = Record<string, unknown>;
type Query = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

interface PartResult {
  dryRun: boolean;
  applied: boolean;
  problems: FileProblem[];
  sheets: { sheet: ImportSheet; created: number; updated: number; unchanged: number }[] | null;
  created: number;
  updated: number;
  unchanged: number;
}

/** One part of the hub that owns sheets: its import mutation and how the studio's rows are read back for an export. */
interface SheetOwner {
  sheets: readonly ImportSheet[];
  /** The mutation's field in the answer; the mutation takes $studioId, $dryRun, one list per sheet and $key. */
  field: string;
  mutation: string;
  variables(studioId: string, dryRun: boolean, rows: Record<ImportSheet, object[]>, key: string): Record<string, unknown>;
  /** A sheet's row as the mutation's row input takes it (default: its cells by column, and its number). */
  rowOf?: (row: SheetRow) => object;
  /** The studio's rows of each sheet as cells, as the import reads them back. */
  export: Partial<Record<ImportSheet, (query: Query, studioId: string) => Promise<Record<string, string>[]>>>;
}

const RESULT = `dryRun applied created updated unchanged problems { sheet row field code message } sheets { sheet created updated unchanged }`;
const PAGE = 100;

/** Every page of a connection. */
async function allPages<Node>(query: Query, text: string, variables: Record<string, unknown>, field: string): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  do {
    const data: Data = await query<Data>(text, { ...variables, first: PAGE, after });
    const page = data[field] as { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    nodes.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

/** A scalar of an answer as a cell's text. */
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

/** A yes/no as a cell reads it back. */
const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/** Which part takes which sheets: its import mutation and its export queries. */
export const SHEET_OWNERS: readonly SheetOwner[] = [
  {
    sheets: ['products', 'routes'],
    field: 'importCatalogue',
    mutation: `mutation ImportCatalogue($studioId: ID!, $input: CatalogueImportInput!, $key: String!) {
      importCatalogue(studioId: $studioId, input: $input, idempotencyKey: $key) { ${RESULT} } }`,
    variables: (studioId, dryRun, rows, key) => ({ studioId, key, input: { dryRun, products: rows.products, routes: rows.routes } }),
    export: {
      products: async (query, studioId) =>
        (
          await query<{
            catalogue: { products: (Record<string, unknown> & { familyCode: string; shopSkus: string[] })[] };
          }>(
            `query ExportProducts($studioId: ID!) { catalogue(studioId: $studioId) { products { productCode nameZh nameEn familyCode routeCode shopSkus priceCents } } }`,
            { studioId },
          )
        ).catalogue.products.map(({ familyCode, shopSkus, ...product }) => ({
          ...Object.fromEntries(Object.entries(product).map(([key, value]) => [key, text(value)])),
          family: familyCode,
          shopSkus: shopSkus.join(';'),
        })),
      routes: async (query, studioId) =>
        (
          await query<{
            catalogue: {
              routes: {
                code: string;
                steps: {
                  position: number;
                  statusCode: { code: string };
                  standardMinutes: number;
                  qcCheckpoint: boolean;
                  workCenterCode: string | null;
                  skill: string | null;
                  partnerAllowed: boolean;
                }[];
              }[];
            };
          }>(
            `query ExportRoutes($studioId: ID!) { catalogue(studioId: $studioId) { routes { code steps { position statusCode { code } standardMinutes qcCheckpoint workCenterCode skill partnerAllowed } } } }`,
            { studioId },
          )
        ).catalogue.routes.flatMap((route) =>
          route.steps.map((step) => ({
            routeCode: route.code,
            position: text(step.position),
            statusCode: step.statusCode.code,
            standardMinutes: text(step.standardMinutes),
            qc: yesNo(step.qcCheckpoint),
            workCenterCode: text(step.workCenterCode),
            skill: text(step.skill),
            partnerAllowed: yesNo(step.partnerAllowed),
          })),
        ),
    },
  },
  {
    sheets: ['materials', 'boms'],
    field: 'importMaterials',
    mutation: `mutation ImportMaterials($studioId: ID!, $input: MaterialsImportInput!, $key: String!) {
      importMaterials(studioId: $studioId, input: $input, idempotencyKey: $key) { ${RESULT} } }`,
    variables: (studioId, dryRun, rows, key) => ({ studioId, key, input: { dryRun, materials: rows.materials, boms: rows.boms } }),
    export: {
      materials: async (query, studioId) =>
        (
          await allPages<Record<string, unknown> & { substitutes: { sku: string; ratio: number }[] }>(
            query,
            `query ExportMaterials($studioId: ID!, $first: Int, $after: String) { studioMaterials(studioId: $studioId, first: $first, after: $after) {
              nodes { sku nameZh nameEn unit abcClass unitCostCents safetyStock stockingPolicy substitutes { sku ratio } } pageInfo { hasNextPage endCursor } } }`,
            { studioId },
            'studioMaterials',
          )
        ).map(({ substitutes, ...material }) => ({
          ...Object.fromEntries(Object.entries(material).map(([key, value]) => [key, text(value)])),
          substitutes: substitutes.map((substitute) => `${substitute.sku}:${substitute.ratio}`).join(';'),
        })),
      boms: async (query, studioId) =>
        (
          await allPages<{ productCode: string; lines: { sku: string; quantityPerUnit: number; stageCode: string }[] }>(
            query,
            `query ExportBills($studioId: ID!, $first: Int, $after: String) { studioBillsOfMaterials(studioId: $studioId, first: $first, after: $after) {
              nodes { productCode lines { sku quantityPerUnit stageCode } } pageInfo { hasNextPage endCursor } } }`,
            { studioId },
            'studioBillsOfMaterials',
          )
        ).flatMap((bill) =>
          bill.lines.map((line) => ({
            productCode: bill.productCode,
            sku: line.sku,
            quantityPerUnit: text(line.quantityPerUnit),
            stageCode: line.stageCode,
          })),
        ),
    },
  },
  {
    sheets: ['operators', 'workCenters'],
    field: 'importResources',
    mutation: `mutation ImportResources($input: ResourcesImportInput!, $key: String!) { importResources(input: $input, idempotencyKey: $key) { ${RESULT} } }`,
    variables: (studioId, dryRun, rows, key) => ({
      key,
      input: { enterpriseId: studioId, dryRun, operators: rows.operators, workCenters: rows.workCenters },
    }),
    export: {
      operators: async (query, studioId) =>
        (
          await query<{
            studioOperators: {
              code: string;
              penName: string;
              realName: string | null;
              skills: string[];
              shiftHours: { weekday: number; start: string; end: string }[];
            }[];
          }>(
            `query ExportOperators($studioId: ID!) { studioOperators(enterpriseId: $studioId) { code penName realName skills shiftHours { weekday start end } } }`,
            { studioId },
          )
        ).studioOperators.map((operator) => ({
          code: operator.code,
          penName: operator.penName,
          realName: text(operator.realName),
          skills: operator.skills.join(';'),
          shiftHours: operator.shiftHours.map((hours) => `${hours.weekday} ${hours.start}-${hours.end}`).join(';'),
        })),
      workCenters: async (query, studioId) =>
        (
          await query<{ workCenters: Record<string, unknown>[] }>(
            `query ExportWorkCenters($studioId: ID!) { workCenters(enterpriseId: $studioId) { code nameZh nameEn kind capacityPerBatch batchMinutes setupMinutes } }`,
            { studioId },
          )
        ).workCenters.map((center) => Object.fromEntries(Object.entries(center).map(([key, value]) => [key, text(value)]))),
    },
  },
];

/** A refusal of the whole request, answered as JSON with a stable code. */
class ImportRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A GraphQL refusal as the route's: who may not (401/403), what is wrong (400), or the hub cannot answer now (503). */
function refusalOf(error: { message: string; extensions?: Record<string, unknown> }): ImportRefusal {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'SERVICE_UNAVAILABLE';
  const status =
    { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413 }[code] ?? 503;
  return new ImportRefusal(status, status === 503 ? 'SERVICE_UNAVAILABLE' : code, error.message);
}

export interface MasterDataImportOptions {
  endpoint: GraphQLEndpoint<GatewayContext>;
  thread: SpreadsheetThread;
  /** The largest file read (default MAX_IMPORT_FILE_BYTES). */
  maxFileBytes?: number;
  owners?: readonly SheetOwner[];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function masterDataImportRoutes(options: MasterDataImportOptions): Record<string, RouteHandler> {
  const owners = options.owners ?? SHEET_OWNERS;
  const maxFileBytes = options.maxFileBytes ?? MAX_IMPORT_FILE_BYTES;

  /** Who asks, from the token alone (nothing of the body read yet), and for which studio. */
  const caller = async (request: http.IncomingMessage, url: URL): Promise<{ context: GatewayContext; studioId: string }> => {
    let context: GatewayContext;
    try {
      context = await options.endpoint.context(request);
    } catch (error) {
      throw refusalOf(error as { message: string; extensions?: Record<string, unknown> });
    }
    if (!context.principal) throw new ImportRefusal(401, 'UNAUTHENTICATED', 'Sign in: an import or export needs a bearer token', {});
    const studioId = url.searchParams.get('studioId') ?? context.principal.org;
    if (!studioId) throw new ImportRefusal(400, 'BAD_USER_INPUT', 'Say which studio with ?studioId=', { field: 'studioId' });
    return { context, studioId };
  };

  const route =
    (method: string, serve: (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => Promise<void>): RouteHandler =>
    async (request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      try {
        if (request.method !== method) throw new ImportRefusal(405, 'METHOD_NOT_ALLOWED', `${url.pathname} takes ${method}`, {});
        await serve(request, response, url);
      } catch (error) {
        if (!(error instanceof ImportRefusal)) throw error;
        const headers: Record<string, string> = error.status === 405 ? { allow: method } : {};
        // A body left unread past a refusal: the connection closes after the answer.
        if (!request.complete) headers.connection = 'close';
        sendJson(response, error.status, { error: { code: error.code, message: error.message, ...error.extra } }, headers);
      }
    };

  const importFile = route('POST', async (request, response, url) => {
    const { context, studioId } = await caller(request, url);
    const dryRun = url.searchParams.get('dryRun') === 'true';
    let bytes: Buffer;
    try {
      bytes = await readBodyBytes(request, maxFileBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw tooLarge(maxFileBytes);
      throw error;
    }
    if (bytes.length === 0) throw new ImportRefusal(400, 'EMPTY_FILE', 'The request holds no file');
    let reading;
    try {
      reading = (await options.thread.read(bytes, url.searchParams.get('sheet'))).reading;
    } catch (error) {
      if (error instanceof SpreadsheetThreadBusy) throw new ImportRefusal(503, 'BUSY', `${error.message}: send it again in a moment`);
      if (error instanceof SpreadsheetFailed) {
        logger.warn({ err: error }, 'import: a spreadsheet could not be read');
        throw new ImportRefusal(415, 'UNSUPPORTED_FILE', 'The hub could not read this file as a spreadsheet');
      }
      throw error;
    }
    if ('refusal' in reading) throw new ImportRefusal(reading.refusal.status, reading.refusal.code, reading.refusal.message);
    const rows: Rows = reading.sheets;
    const key = request.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' && key.length > 0 && key.length <= 100 ? key : randomUUID();
    const parts = owners.filter((owner) => owner.sheets.some((sheet) => rows[sheet]?.length));
    const run = async (dry: boolean, keySuffix: string): Promise<PartResult[]> => {
      const results: PartResult[] = [];
      for (const owner of parts) {
        const sheetRows = Object.fromEntries(
          owner.sheets.map((sheet) => [
            sheet,
            (rows[sheet] ?? []).map(owner.rowOf ?? ((row: SheetRow) => ({ row: row.row, ...row.cells }))),
          ]),
        ) as Record<ImportSheet, object[]>;
        const { data, errors } = await executeGraphQL<Data>(
          options.endpoint,
          context,
          owner.mutation,
          owner.variables(studioId, dry, sheetRows, `${idempotencyKey}${keySuffix}`),
        );
        if (errors.length) throw refusalOf(errors[0]);
        results.push(data[owner.field] as PartResult);
      }
      return results;
    };
    // Every part checks its rows first; a file problem or any bad row anywhere stops it there.
    const checked = await run(true, ':dry-run');
    const problems = [...reading.problems, ...checked.flatMap((part) => part.problems)];
    const answer = (results: PartResult[], applied: boolean) => ({
      dryRun,
      applied,
      sheets: Object.fromEntries(
        IMPORT_SHEETS.filter((sheet) => rows[sheet] !== undefined).map((sheet) => {
          const counted = results.flatMap((part) => part.sheets ?? []).find((entry) => entry.sheet === sheet);
          return [
            sheet,
            {
              rows: rows[sheet]!.length,
              created: counted?.created ?? 0,
              updated: counted?.updated ?? 0,
              unchanged: counted?.unchanged ?? 0,
            },
          ];
        }),
      ),
      problems,
    });
    if (problems.length > 0) {
      sendJson(response, 422, {
        ...answer(checked, false),
        error: { code: 'ROWS_REFUSED', message: 'Rows were refused: nothing was applied' },
      });
      return;
    }
    if (dryRun || parts.length === 0) return sendJson(response, 200, answer(checked, false));
    const applied = await run(false, '');
    const late = applied.flatMap((part) => part.problems);
    if (late.length > 0) {
      // Changed between the dry run and now (a material retired meanwhile): the part refused it whole.
      sendJson(response, 409, {
        ...answer(
          applied,
          applied.some((part) => part.applied),
        ),
        problems: late,
        error: { code: 'CHANGED_MEANWHILE', message: 'The data changed while the file was checked: send it again' },
      });
      return;
    }
    logger.info({ studioId, sheets: Object.keys(rows), requestId: context.requestId }, 'master data imported');
    sendJson(response, 200, answer(applied, true));
  });

  const exportFile = route('GET', async (_request, response, url) => {
    const { context, studioId } = await caller(_request, url);
    const format = url.searchParams.get('format') ?? 'xlsx';
    if (format !== 'xlsx' && format !== 'csv') throw new ImportRefusal(400, 'BAD_USER_INPUT', 'format is xlsx or csv', { field: 'format' });
    const asked = (url.searchParams.get('sheets') ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const exportable = owners.flatMap((owner) => owner.sheets.filter((sheet) => owner.export[sheet]));
    const sheets = asked.length ? asked.map((name) => sheetNamed(name)) : exportable;
    const unknown = asked.find((name, index) => !sheets[index] || !exportable.includes(sheets[index]));
    if (unknown !== undefined)
      throw new ImportRefusal(400, 'BAD_USER_INPUT', `"${unknown}" is not a sheet this hub exports (${exportable.join(', ')})`, {
        field: 'sheets',
      });
    if (format === 'csv' && sheets.length !== 1)
      throw new ImportRefusal(400, 'BAD_USER_INPUT', 'A CSV file is one sheet: name it in ?sheets=', { field: 'sheets' });
    const query: Query = async <T>(text: string, variables: Record<string, unknown>) => {
      const { data, errors } = await executeGraphQL<T>(options.endpoint, context, text, variables);
      if (errors.length) throw refusalOf(errors[0]);
      return data;
    };
    const written: Partial<Record<ImportSheet, Record<string, string>[]>> = {};
    for (const sheet of sheets as ImportSheet[]) {
      const owner = owners.find((candidate) => candidate.sheets.includes(sheet))!;
      written[sheet] = await owner.export[sheet]!(query, studioId);
    }
    const bytes = await options.thread.write(written, format);
    const name = format === 'csv' ? `${studioId}-${sheets[0]}.csv` : `${studioId}-master-data.xlsx`;
    response.writeHead(200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
      'content-disposition': `attachment; filename="${name}"`,
      'content-length': bytes.length,
      'cache-control': 'no-store',
    });
    response.end(bytes);
  });

  return { '/import': importFile, '/export': exportFile };
}

const tooLarge = (limit: number) =>
  new ImportRefusal(413, 'PAYLOAD_TOO_LARGE', `The file is larger than ${limit} bytes`, { limitBytes: limit });
