import { type Cell, row, mutationOutcome, errorCode } from '../matrix';

/**
 * A studio's resources in the capacity subgraph (calendar, work centers, operators): its staff
 * read them, hub admins too (real names aside), its admins and supervisors edit; nobody else.
 */
const HOURS = [1, 2, 3, 4, 5, 6]
  .map((weekday) => `{ weekday: ${weekday}, start: "09:00", end: "12:00" }, { weekday: ${weekday}, start: "13:00", end: "18:00" }`)
  .join(', ');
const readRow = (seen: string) =>
  row(
    'UNAUTHENTICATED',
    seen,
    seen,
    seen,
    seen,
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
  );
/** Edits: moyun-studio's admin and supervisor (the supervisor's same-key retry replays the admin's answer). */
const EDIT = row(
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'ALLOWED',
  'ALLOWED',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
  'FORBIDDEN',
);

//                 anon               hub          mAdmin       mSup         mOp          yAdmin       gild         kiln         kitchen      supp         cMin         cBasic       cDet         cOther
export const resourcesCells: Cell[] = [
  {
    name: "moyun-studio's working calendar",
    subgraph: 'capacity',
    query: `{ workingCalendar(enterpriseId: "moyun-studio") { enterpriseId hours { weekday } closures { from } } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? (result.data.workingCalendar ? `hours:${result.data.workingCalendar.hours.length}` : 'null'),
    expected: readRow('hours:12'),
  },
  {
    name: "moyun-studio's work centers",
    subgraph: 'capacity',
    query: `{ workCenters(enterpriseId: "moyun-studio") { code kind capacityPerBatch } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `centers:${result.data.workCenters.length}`,
    expected: readRow('centers:2'),
  },
  {
    name: "moyun-studio's operators by pen name",
    subgraph: 'capacity',
    query: `{ studioOperators(enterpriseId: "moyun-studio") { code penName skills } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `operators:${result.data.studioOperators.length}`,
    expected: readRow('operators:2'),
  },
  {
    name: "moyun-studio's operators' real names (its admins and supervisors only)",
    subgraph: 'capacity',
    query: `{ studioOperators(enterpriseId: "moyun-studio") { code realName } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `names:${result.data.studioOperators.filter((operator: any) => operator.realName).length}`,
    expected: row(
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'names:2',
      'names:2',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ),
  },
  {
    name: 'whether moyun-studio works at an instant',
    subgraph: 'capacity',
    query: `{ isWorking(enterpriseId: "moyun-studio", at: "2026-03-10T02:00:00.000Z") }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? `working:${result.data.isWorking}`,
    expected: readRow('working:true'),
  },
  {
    name: "moyun-studio's next working hour after Tuesday 17:30",
    subgraph: 'capacity',
    query: `{ nextWorkingMinutes(enterpriseId: "moyun-studio", from: "2026-03-10T09:30:00.000Z", minutes: 60) }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? String(result.data.nextWorkingMinutes),
    expected: readRow('2026-03-11T01:30:00.000Z'),
  },
  {
    name: "set moyun-studio's working calendar",
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { setWorkingCalendar(input: { enterpriseId: "moyun-studio", hours: [${HOURS}] }, idempotencyKey: "matrix-calendar") { enterpriseId } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: EDIT,
  },
  {
    name: "add a closure to moyun-studio's calendar",
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { upsertCalendarClosure(enterpriseId: "moyun-studio", closure: { from: "2030-08-05", to: "2030-08-09", nameEn: "Summer break" }, idempotencyKey: "matrix-closure") { enterpriseId } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: EDIT,
  },
  {
    name: "remove a closure of moyun-studio's calendar",
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { removeCalendarClosure(enterpriseId: "moyun-studio", from: "2030-08-05", idempotencyKey: "matrix-closure-removed") { enterpriseId } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: EDIT,
  },
  {
    name: 'add a work center to moyun-studio',
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { upsertWorkCenter(input: { enterpriseId: "moyun-studio", code: "matrix-kiln", nameZh: "二号窑", nameEn: "Kiln 2", kind: KILN, capacityPerBatch: 24, batchMinutes: 600 }, idempotencyKey: "matrix-center") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: EDIT,
  },
  {
    name: "remove moyun-studio's work center",
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { removeWorkCenter(enterpriseId: "moyun-studio", code: "matrix-kiln", idempotencyKey: "matrix-center-removed") }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: EDIT,
  },
  {
    name: 'add an operator to moyun-studio',
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { upsertStudioOperator(input: { enterpriseId: "moyun-studio", code: "matrix-op", penName: "试笔", realName: "测试", skills: ["C50"] }, idempotencyKey: "matrix-operator") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: EDIT,
  },
  {
    name: "give leave to moyun-studio's operator",
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { addOperatorLeave(enterpriseId: "moyun-studio", code: "matrix-op", leave: { from: "2030-08-05", to: "2030-08-06" }, idempotencyKey: "matrix-leave") { id } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: EDIT,
  },
  {
    name: "remove moyun-studio's operator",
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { removeStudioOperator(enterpriseId: "moyun-studio", code: "matrix-op", idempotencyKey: "matrix-operator-removed") }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: EDIT,
  },
  {
    name: 'import operators and work centers into moyun-studio from a spreadsheet',
    subgraph: 'capacity',
    mutation: true,
    query: `mutation { importResources(input: { enterpriseId: "moyun-studio", dryRun: false, operators: [{ row: 2, code: "matrix-import-op", penName: "试墨", realName: "测试", skills: "C50" }], workCenters: [{ row: 2, code: "matrix-import-wc", nameZh: "台", nameEn: "Bench", kind: "WORKBENCH", capacityPerBatch: "1", batchMinutes: "10" }] }, idempotencyKey: "matrix-import") { applied } }`,
    variables: () => ({}),
    observe: (result) => {
      const outcome = mutationOutcome(result);
      return outcome === 'ALLOWED' && !result.data?.importResources?.applied ? 'NOT_APPLIED' : outcome;
    },
    expected: EDIT,
  },
];
