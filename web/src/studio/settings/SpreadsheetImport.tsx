import { useState, type ChangeEvent } from 'react';
import { idempotencyKey } from '../../common/client';
import { useI18n } from '../../common/i18n';
import { Loading, Section, SupportCode } from '../../common/ui';
import {
  IMPORT_SHEETS,
  columnWords,
  downloadName,
  importUrl,
  isWorkbook,
  problemSentence,
  readImportAnswer,
  refusalSentence,
  sheetWords,
  tooLarge,
  type ImportOutcome,
  type ImportSheet,
  type SheetCounts,
} from './spreadsheet-import';

interface ChosenFile {
  file: File;
  workbook: boolean;
}

type Busy = 'check' | 'apply' | 'download' | null;

/**
 * A studio moves in with a spreadsheet: choose a file, check it (a dry run of the hub's import
 * route: nothing changes), import it once the check of this very file was clean, or download the
 * current data as a workbook. The route is plain HTTP, not GraphQL (a file is larger than a
 * GraphQL body may be), so this sends the staff token itself.
 */
export function SpreadsheetImport({ token }: { token: () => string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [csvSheet, setCsvSheet] = useState<ImportSheet | ''>('');
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [downloadRefusal, setDownloadRefusal] = useState<string | null>(null);
  // The clean check that makes Import available: of this choice, as this sheet. Import sends the very bytes checked
  // (not the file read again: it may have been edited since), under the check's key, so a resend changes nothing twice.
  const [cleanCheck, setCleanCheck] = useState<{
    file: ChosenFile;
    sheet: ImportSheet | '';
    bytes: Uint8Array<ArrayBuffer>;
    key: string;
  } | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    // Choosing the same file again (fixed meanwhile) is a change too.
    event.target.value = '';
    setOutcome(null);
    setCleanCheck(null);
    if (!chosen) return setFile(null);
    if (tooLarge(chosen.size)) {
      setFile(null);
      setOutcome({ kind: 'refused', code: 'PAYLOAD_TOO_LARGE', message: 'chosen file too large' });
      return;
    }
    setFile({ file: chosen, workbook: isWorkbook(new Uint8Array(await chosen.slice(0, 4).arrayBuffer())) });
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    if (!file.workbook && !csvSheet) {
      setOutcome({ kind: 'refused', code: 'SHEET_REQUIRED', message: 'no sheet chosen' });
      return;
    }
    const sheet = file.workbook ? null : (csvSheet as ImportSheet);
    const key = dryRun ? idempotencyKey('import') : cleanCheck!.key;
    setBusy(dryRun ? 'check' : 'apply');
    setOutcome(null);
    try {
      const bytes = dryRun ? new Uint8Array(await file.file.arrayBuffer()) : cleanCheck!.bytes;
      const response = await fetch(importUrl(dryRun, sheet), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token()}`,
          'content-type': file.workbook ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
          ...(dryRun ? {} : { 'idempotency-key': key }),
        },
        body: bytes,
      });
      const answer = await readImportAnswer(response);
      setOutcome(answer);
      setCleanCheck(dryRun && answer.kind === 'counts' ? { file, sheet: csvSheet, bytes, key } : null);
    } catch {
      setOutcome({ kind: 'refused', code: 'NETWORK', message: 'network' });
      // A lost answer to an import may be sent again: the same key applies it at most once.
      if (dryRun) setCleanCheck(null);
    } finally {
      setBusy(null);
    }
  };

  const download = async () => {
    setBusy('download');
    setDownloadRefusal(null);
    try {
      const response = await fetch('/export?format=xlsx', { headers: { authorization: `Bearer ${token()}` } });
      if (!response.ok) {
        const answer = await readImportAnswer(response);
        setDownloadRefusal(answer.kind === 'refused' ? answer.code : 'other');
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = downloadName(response.headers.get('content-disposition'));
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setDownloadRefusal('NETWORK');
    } finally {
      setBusy(null);
    }
  };

  const mayApply = cleanCheck !== null && cleanCheck.file === file && cleanCheck.sheet === csvSheet && busy === null;

  return (
    <>
      <Section title={t('settings.import.title')} id="settings-import">
        <p className="muted">{t('settings.import.intro')}</p>
        <div className="form" data-testid="spreadsheet-import">
          {/* The browser's own file button speaks the browser's language, not the page's: ours does. */}
          <label className="file-picker">
            <span>{t('settings.import.file')}</span>
            <input
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(event) => void choose(event)}
              className="visually-hidden"
              aria-describedby="import-file-hint"
              data-testid="import-file"
            />
            <span className="button" aria-hidden="true">
              {t('settings.import.choose')}
            </span>
            <span className="muted small" data-testid="import-file-name">
              {file?.file.name ?? t('settings.import.noFile')}
            </span>
          </label>
          <p className="muted small" id="import-file-hint">
            {t('settings.import.fileHint')}
          </p>
          {file && !file.workbook ? (
            <label>
              {t('settings.import.csvSheet')}
              <select
                value={csvSheet}
                onChange={(event) => {
                  setCsvSheet(event.target.value as ImportSheet | '');
                  setOutcome(null);
                }}
              >
                <option value="">{t('settings.import.chooseSheet')}</option>
                {IMPORT_SHEETS.map((sheet) => (
                  <option key={sheet} value={sheet}>
                    {t(`settings.import.sheet.${sheet}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <div className="button-row">
            <button type="button" onClick={() => void send(true)} disabled={!file || busy !== null}>
              {t('settings.import.check')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => void send(false)}
              disabled={!mayApply}
              aria-describedby={mayApply ? undefined : 'import-check-first'}
            >
              {t('settings.import.apply')}
            </button>
          </div>
          {!mayApply && !(outcome?.kind === 'counts' && outcome.applied) ? (
            <p className="muted small" id="import-check-first">
              {t('settings.import.checkFirst')}
            </p>
          ) : null}
        </div>
        {busy === 'check' ? <Loading label={t('settings.import.checking')} /> : null}
        {busy === 'apply' ? <Loading label={t('settings.import.applying')} /> : null}
        {outcome ? <ImportAnswer outcome={outcome} /> : null}
      </Section>
      <Section title={t('settings.import.download')} id="settings-export">
        <p className="muted">{t('settings.import.downloadHint')}</p>
        <button type="button" onClick={() => void download()} disabled={busy !== null} data-testid="download-workbook">
          {t('settings.import.download')}
        </button>
        {busy === 'download' ? <Loading label={t('settings.import.downloading')} /> : null}
        {downloadRefusal ? <WholeFileRefusal code={downloadRefusal} message="export refused" /> : null}
      </Section>
    </>
  );
}

function ImportAnswer({ outcome }: { outcome: ImportOutcome }) {
  const { t, exists, language } = useI18n();
  if (outcome.kind === 'refused') return <WholeFileRefusal code={outcome.code} message={outcome.message} />;
  if (outcome.kind === 'rows')
    return (
      <div className="import-answer" data-testid="import-problems">
        <p className="refusal" role="alert">
          {t('settings.import.refused')}
        </p>
        <div
          className="table-wrap"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls takes focus so a keyboard can scroll it (axe: scrollable-region-focusable)
          tabIndex={0}
          role="region"
          aria-labelledby="import-problems-caption"
        >
          <table>
            <caption id="import-problems-caption">{t('settings.import.problems')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.import.sheetColumn')}</th>
                <th scope="col">{t('settings.import.row')}</th>
                <th scope="col">{t('settings.import.column')}</th>
                <th scope="col">{t('settings.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.problems.map((problem, index) => (
                <tr key={index} data-sheet={problem.sheet} data-row={problem.row} data-code={problem.code} data-detail={problem.message}>
                  <td>{sheetWords(problem.sheet, t)}</td>
                  <td>{problem.row}</td>
                  <td data-field={problem.field ?? undefined}>
                    {problem.field ? columnWords(problem.sheet, problem.field, t, exists) : t('settings.import.noColumn')}
                  </td>
                  {/* English pages read the hub's own message; other languages a sentence of their own. */}
                  <td>{language === 'en' ? problem.message : problemSentence(problem, t, exists)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    );
  const sheets = Object.entries(outcome.sheets) as [ImportSheet, SheetCounts][];
  return (
    <div className="import-answer" data-testid="import-counts" data-applied={outcome.applied}>
      <p role="status" className={outcome.applied ? 'ok' : undefined}>
        {sheets.length === 0 ? t('settings.import.nothingToDo') : t(outcome.applied ? 'settings.import.applied' : 'settings.import.clean')}
      </p>
      {sheets.length > 0 ? (
        <div
          className="table-wrap"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls takes focus so a keyboard can scroll it (axe: scrollable-region-focusable)
          tabIndex={0}
          role="region"
          aria-labelledby="import-counts-caption"
        >
          <table>
            <caption id="import-counts-caption">{t('settings.import.counts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.import.sheetColumn')}</th>
                <th scope="col">{t('settings.import.created')}</th>
                <th scope="col">{t('settings.import.updated')}</th>
                <th scope="col">{t('settings.import.unchanged')}</th>
              </tr>
            </thead>
            <tbody>
              {sheets.map(([sheet, counts]) => (
                <tr key={sheet} data-sheet={sheet}>
                  <th scope="row">{sheetWords(sheet, t)}</th>
                  <td data-count="created">{counts.created}</td>
                  <td data-count="updated">{counts.updated}</td>
                  <td data-count="unchanged">{counts.unchanged}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

/** The whole file (or the download) refused: a sentence per code, the code folded away for support. */
function WholeFileRefusal({ code, message }: { code: string; message: string }) {
  const { t, exists } = useI18n();
  return (
    <div className="refusal" role="alert" data-code={code} data-detail={message} data-testid="import-refusal">
      <p>{refusalSentence(code, t, exists)}</p>
      <SupportCode error={{ code, message }} />
    </div>
  );
}
