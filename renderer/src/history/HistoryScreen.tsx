import { useEffect, useRef, useState, type JSX, type Ref } from 'react';
import type { ChannelOutput, HistoryFilterInput, IpcError } from '../../../electron/ipc/contract';
import { formatDuration } from '../../../prompts/mockPlan';
import { ErrorNotice } from '../components/ErrorNotice';
import { callApi } from '../api';
import { routeHref } from '../route';
import { useApiCall } from '../useApiCall';
import { EMPTY_FILTER_FORM, filterFromForm, rememberedFilterForm, rememberFilterForm, type FilterField, type HistoryFilterForm } from './historyFilter';

type Page = ChannelOutput<'history:page'>;
type Row = Page['rows'][number];

interface Listing {
  /** The filter (as JSON) these rows answer; while it differs from the current one, a new first page is on its way. */
  readonly key: string | undefined;
  readonly rows: readonly Row[];
  readonly next: Page['next'];
  readonly loadingMore: boolean;
  readonly error?: IpcError;
}

const MODE_TITLES = { practice: 'Practice', mock: 'Mock interview' } as const;

/**
 * Submitted attempts, newest first, filtered; 50 at a time, "Load more" asks for the next 50.
 * The filters last the session: opening an attempt and coming back finds them as they were.
 */
export function HistoryScreen(): JSX.Element {
  const prompts = useApiCall('prompts', (api) => api.listPrompts());
  const [form, setForm] = useState<HistoryFilterForm>(() => rememberedFilterForm(sessionStorage));
  useEffect(() => rememberFilterForm(sessionStorage, form), [form]);
  const parsed = filterFromForm(form);
  const filterKey = parsed.ok ? JSON.stringify(parsed.filter) : undefined;
  const [listing, setListing] = useState<Listing>({ key: undefined, rows: [], next: null, loadingMore: false });
  // Answers to an older filter (or an older page request) are dropped.
  const request = useRef(0);
  const table = useRef<HTMLTableElement>(null);
  // "Load more" leaves the page once the last page is in: the keyboard focus it had goes to the first new row.
  const focusAfterLoad = useRef<number | undefined>(undefined);

  useEffect(() => {
    const attemptId = focusAfterLoad.current;
    if (attemptId === undefined) return;
    const link = table.current?.querySelector<HTMLAnchorElement>(`tr[data-attempt-id="${attemptId}"] a`);
    if (link === null || link === undefined) return;
    focusAfterLoad.current = undefined;
    link.focus();
  }, [listing.rows]);

  useEffect(() => {
    if (filterKey === undefined) return;
    const id = ++request.current;
    focusAfterLoad.current = undefined;
    void callApi((api) => api.historyPage({ filter: JSON.parse(filterKey) as HistoryFilterInput, cursor: null })).then((result) => {
      if (id !== request.current) return;
      setListing(
        result.ok
          ? { key: filterKey, rows: result.value.rows, next: result.value.next, loadingMore: false }
          : { key: filterKey, rows: [], next: null, loadingMore: false, error: result.error },
      );
    });
  }, [filterKey]);

  const loadMore = (filter: HistoryFilterInput, key: string, cursor: NonNullable<Page['next']>) => {
    const id = ++request.current;
    setListing((l) => ({ ...l, loadingMore: true }));
    void callApi((api) => api.historyPage({ filter, cursor })).then((result) => {
      if (id !== request.current) return;
      if (result.ok) focusAfterLoad.current = result.value.rows[0]?.id;
      setListing((l) =>
        result.ok ? { key, rows: [...l.rows, ...result.value.rows], next: result.value.next, loadingMore: false } : { ...l, loadingMore: false, error: result.error },
      );
    });
  };
  const loading = listing.loadingMore || (filterKey !== undefined && listing.key !== filterKey);
  const shown = listing.key === filterKey || filterKey === undefined ? listing : { ...listing, rows: [], next: null, error: undefined };

  const set = (field: FilterField) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: event.target.value }));
  const invalid = parsed.ok ? undefined : parsed;
  const fieldProps = (field: FilterField) => ({
    value: form[field],
    onChange: set(field),
    'aria-invalid': invalid?.field === field ? true : undefined,
    'aria-describedby': invalid?.field === field ? 'history-filter-error' : undefined,
  });
  const promptList = prompts.loadable.state === 'ready' ? prompts.loadable.value.prompts : [];

  return (
    <main className="screen screen-history">
      <header className="screen-header">
        <h1>History</h1>
        <p className="lead">Every submitted attempt, newest first. Open one to review it exactly as it was graded.</p>
      </header>
      <form className="history-filters" aria-label="Filter attempts" onSubmit={(event) => event.preventDefault()}>
        <label>
          Prompt{' '}
          <select {...fieldProps('promptId')}>
            <option value="">All prompts</option>
            {promptList.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mode{' '}
          <select {...fieldProps('mode')}>
            <option value="">Any</option>
            <option value="practice">{MODE_TITLES.practice}</option>
            <option value="mock">{MODE_TITLES.mock}</option>
          </select>
        </label>
        <label>
          From <input type="date" {...fieldProps('fromDate')} />
        </label>
        <label>
          To <input type="date" {...fieldProps('toDate')} />
        </label>
        <label>
          Score from <input type="number" min={0} max={100} inputMode="numeric" className="score-input" {...fieldProps('minScore')} />
        </label>
        <label>
          to <input type="number" min={0} max={100} inputMode="numeric" className="score-input" {...fieldProps('maxScore')} />
        </label>
        <button type="button" onClick={() => setForm(EMPTY_FILTER_FORM)}>
          Clear filters
        </button>
      </form>
      {invalid !== undefined && (
        <p id="history-filter-error" className="field-error" role="alert">
          {FIELD_TITLES[invalid.field]}: {invalid.message}
        </p>
      )}
      {shown.error !== undefined && <ErrorNotice what="the history could not be loaded" error={shown.error} />}
      {!loading && shown.error === undefined && shown.rows.length === 0 && (
        <p className="muted">{filterKey === '{}' ? 'No attempts yet: submit a practice attempt or a mock interview and it appears here.' : 'No attempt matches these filters.'}</p>
      )}
      {shown.rows.length > 0 && <HistoryTable rows={shown.rows} ref={table} />}
      {loading && <p className="muted">Loading attempts…</p>}
      {!loading && shown.next !== null && parsed.ok && filterKey !== undefined && (
        <button type="button" onClick={() => shown.next !== null && loadMore(parsed.filter, filterKey, shown.next)}>
          Load more
        </button>
      )}
    </main>
  );
}

const FIELD_TITLES: Readonly<Record<FilterField, string>> = {
  promptId: 'Prompt',
  mode: 'Mode',
  fromDate: 'From',
  toDate: 'To',
  minScore: 'Score from',
  maxScore: 'Score to',
};

function HistoryTable({ rows, ref }: { readonly rows: readonly Row[]; readonly ref: Ref<HTMLTableElement> }): JSX.Element {
  return (
    <table className="history-table" aria-label="Attempts" ref={ref}>
      <thead>
        <tr>
          <th scope="col">Prompt</th>
          <th scope="col">Mode</th>
          <th scope="col">Submitted</th>
          <th scope="col">Duration</th>
          <th scope="col">Score</th>
          <th scope="col">Critical findings</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-attempt-id={row.id}>
            <th scope="row">
              <a href={routeHref({ screen: 'attempt', attemptId: row.id })}>{row.promptTitle}</a>
            </th>
            <td>{MODE_TITLES[row.mode]}</td>
            <td>{new Date(row.submittedAt).toLocaleString()}</td>
            <td>{formatDuration(row.submittedAt - row.startedAt)}</td>
            <td>{row.totalScore === null ? '—' : row.totalScore}</td>
            <td>{row.criticalFindings}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
