import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, me, renderApp } from '../../test/render';

const upload = vi.hoisted(() => vi.fn());
vi.mock('./upload', () => ({ uploadImport: upload }));

const dto = (overrides: Record<string, unknown> = {}) => ({
  id: '0190a4c2-0000-7000-8000-00000000aaaa',
  status: 'pending',
  format: 'csv',
  fileName: 'people.csv',
  createdAt: '2026-03-01T12:00:00.000Z',
  appliedAt: null,
  undoneAt: null,
  rows: 4,
  new: 2,
  merged: 1,
  unchanged: 0,
  skipped: 1,
  failed: 0,
  problems: [{ line: 5, outcome: 'skipped', reason: 'no name, email or phone' }],
  problemsTruncated: false,
  encoding: 'windows-1252',
  headers: ['Wer', 'Mail'],
  columnMap: { Mail: 'email' },
  ...overrides,
});

describe('Import wizard', () => {
  it('uploads, shows the preview with problem rows, maps columns, applies and undoes', async () => {
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/imports': { body: { items: [], nextCursor: null } },
      'POST /api/v1/imports/0190a4c2-0000-7000-8000-00000000aaaa/preview': ({ body }) => ({ body: dto({ columnMap: (body as { map: object }).map, new: 3, merged: 0 }) }),
      'POST /api/v1/imports/0190a4c2-0000-7000-8000-00000000aaaa/apply': { body: dto({ status: 'applied', appliedAt: '2026-03-01T12:01:00.000Z', new: 3, merged: 0 }) },
      'POST /api/v1/imports/0190a4c2-0000-7000-8000-00000000aaaa/undo': { body: dto({ status: 'undone', new: 3, merged: 0 }) },
    });
    upload.mockImplementation(async (_file: File, _fields: object, onProgress: (f: number) => void) => {
      onProgress(0.5);
      return dto();
    });
    renderApp('/import');
    expect(await screen.findByRole('heading', { name: 'Import contacts' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Import' })).toHaveAttribute('href', '/import');
    await userEvent.click(screen.getByRole('button', { name: 'Upload and preview' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose a file first');

    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input, new File(['Wer;Mail\n'], 'people.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Upload and preview' }));
    expect(await screen.findByText(/4 rows \(windows-1252\)/)).toBeInTheDocument();
    expect(upload).toHaveBeenCalledWith(expect.any(File), { format: undefined, createContacts: false }, expect.any(Function));
    expect(screen.getByTestId('count-new')).toHaveTextContent('2');
    const problems = screen.getByRole('table', { name: 'Rows with problems' });
    expect(within(problems).getByText('no name, email or phone')).toBeInTheDocument();
    expect(within(problems).getByText('5')).toBeInTheDocument();

    // Map the unknown column to the name and preview again.
    await userEvent.click(screen.getByRole('textbox', { name: 'Wer' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Name' }));
    await userEvent.click(screen.getByRole('button', { name: 'Preview with these columns' }));
    expect(await screen.findByRole('button', { name: 'Import 3 new, merge 0' })).toBeInTheDocument();
    expect(calls.find((c) => c.path.endsWith('/preview'))!.body).toEqual({ map: { Wer: 'name', Mail: 'email' } });

    await userEvent.click(screen.getByRole('button', { name: 'Import 3 new, merge 0' }));
    expect(await screen.findByText('Imported.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Undo this import' }));
    expect(await screen.findByText('The import was undone.')).toBeInTheDocument();
  });

  it('asks before undoing an earlier import from the history, and says what goes', async () => {
    const applied = dto({ status: 'applied', appliedAt: '2026-03-01T12:05:00.000Z', new: 12, merged: 3 });
    let undone = false;
    const { calls } = fakeApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/imports': () => ({ body: { items: [undone ? { ...applied, status: 'undone' } : applied], nextCursor: null } }),
      [`POST /api/v1/imports/${applied.id}/undo`]: () => {
        undone = true;
        return { body: { ...applied, status: 'undone' } };
      },
    });
    renderApp('/import');
    const history = await screen.findByRole('table', { name: 'Past imports' });
    await userEvent.click(within(history).getByRole('button', { name: 'Undo the import of people.csv' }));
    const dialog = await screen.findByRole('dialog', { name: 'Undo the import of people.csv?' });
    expect(dialog).toHaveTextContent('This deletes the 12 contacts it created, with their notes and the interactions only they took part in, and takes back what it changed in the 3 contacts it merged into');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.click(within(history).getByRole('button', { name: 'Undo the import of people.csv' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Undo import' }));
    expect(await screen.findByText('Import of people.csv undone')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`/api/v1/imports/${applied.id}/undo`]);
    expect(await within(history).findByText('undone')).toBeInTheDocument();
  });

  it('says so when the import to undo created and changed no contacts, and counts one contact as one', async () => {
    const items = [
      dto({ id: '0190a4c2-0000-7000-8000-00000000bbbb', fileName: 'again.csv', status: 'applied', new: 0, merged: 0 }),
      dto({ id: '0190a4c2-0000-7000-8000-00000000cccc', fileName: 'one.csv', status: 'applied', new: 1, merged: 0 }),
    ];
    fakeApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/imports': { body: { items, nextCursor: null } } });
    renderApp('/import');
    const history = await screen.findByRole('table', { name: 'Past imports' });
    await userEvent.click(within(history).getByRole('button', { name: 'Undo the import of again.csv' }));
    expect(await screen.findByRole('dialog', { name: 'Undo the import of again.csv?' })).toHaveTextContent('It created and changed no contacts; undoing it removes anything else it added.');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.click(within(history).getByRole('button', { name: 'Undo the import of one.csv' }));
    expect(await screen.findByRole('dialog', { name: 'Undo the import of one.csv?' })).toHaveTextContent('This deletes the 1 contact it created, with their notes and the interactions only they took part in.');
  });

  it('shows why an upload was refused', async () => {
    fakeApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/imports': { body: { items: [], nextCursor: null } } });
    upload.mockRejectedValue(new Error('The file is not a vCard file: it looks like a CSV file'));
    renderApp('/import');
    await screen.findByRole('heading', { name: 'Import contacts' });
    await userEvent.upload(document.querySelector('input[type="file"]') as HTMLInputElement, new File(['x'], 'x.csv'));
    await userEvent.click(screen.getByRole('button', { name: 'Upload and preview' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is not a vCard file: it looks like a CSV file');
  });
});
