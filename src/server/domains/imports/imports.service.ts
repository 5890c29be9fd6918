import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import type { ImportDto, ImportFormatName, ImportOptionsInput, ImportSummaryDto } from '../../../contracts/imports';
import type { ContactTable, DB, ImportBatchTable } from '../../db/schema';
import { nowIso } from '../../platform/clock';
import type { Actor, Deps } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { decodeCursor, pageOf } from '../../platform/pagination';
import { refreshDerived } from '../contacts/contacts.derived';
import { reindexContacts, removeSearchDocs } from '../search/search.index';
import { runImport } from './imports.engine';
import * as repo from './imports.repository';
import { MAX_IMPORT_BYTES } from './decode';
import { openImport } from './source';

export type ByteSource = () => AsyncIterable<Buffer | Uint8Array>;

const DAY_MS = 86_400_000;
const uploadDir = () => join(tmpdir(), 'rapport-imports');

class Rollback extends Error {
  constructor(readonly result: { format: ImportFormatName; summary: ImportSummaryDto }) {
    super('rollback');
  }
}

export const emptySummary = (): ImportSummaryDto => ({
  rows: 0, new: 0, merged: 0, unchanged: 0, skipped: 0, failed: 0, problems: [], problemsTruncated: false, encoding: 'utf8', headers: null, columnMap: null,
});

export function toImportDto(row: ImportBatchTable): ImportDto {
  return {
    id: row.id,
    status: row.status as ImportDto['status'],
    format: row.format as ImportFormatName,
    fileName: row.file_name,
    createdAt: row.created_at,
    appliedAt: row.applied_at,
    undoneAt: row.undone_at,
    ...emptySummary(),
    ...(JSON.parse(row.summary) as Partial<ImportSummaryDto>),
  };
}

type Handle = { kind: string; value: string };
/** A contact_merged record: the columns it changed as they were; the handles and tags it added (before 7 December 2026: all columns, every handle and tag). */
type MergedRecord = { row: Partial<repo.MergedValues>; tagIds?: string[]; handles?: Handle[]; addedTagIds?: string[]; addedHandles?: Handle[] };

/**
 * One restore per contact from its records (newest first, as itemsOf reads them): each column as the
 * oldest record that holds it has it, the oldest full record's tags and handles, and every record's
 * added tags and handles.
 */
function undoRecords(items: { ref_id: string; before: string | null }[]) {
  const byId = new Map<string, MergedRecord & { id: string; addedTagIds: string[]; addedHandles: Handle[] }>();
  for (const item of items) {
    const record = JSON.parse(item.before!) as MergedRecord;
    let b = byId.get(item.ref_id);
    if (!b) byId.set(item.ref_id, (b = { id: item.ref_id, row: {}, addedTagIds: [], addedHandles: [] }));
    // Older records come later: their values win.
    Object.assign(b.row, record.row);
    if (record.handles) b.handles = record.handles;
    if (record.tagIds) b.tagIds = record.tagIds;
    if (record.addedHandles) b.addedHandles.push(...record.addedHandles);
    if (record.addedTagIds) b.addedTagIds.push(...record.addedTagIds);
  }
  return [...byId.values()];
}

export const fileSource = (path: string): ByteSource => () => createReadStream(path, { highWaterMark: 256 * 1024 });

/**
 * Imports: preview (a dry run that writes nothing), apply (all or nothing, one transaction,
 * recorded), history and undo. The HTTP upload is kept in a temporary file between preview and apply.
 */
export function importService(deps: Deps) {
  const { database, clock } = deps;
  const { db, dialect } = database;

  /** Imports (and undos) running now: the first sets SQLite's temporary storage to memory, the last puts it back. */
  let inMemoryTemp = 0;
  let tempStoreBefore = 0;
  /**
   * Runs an import's (or an undo's) transaction with SQLite's temporary storage in memory. Each of its
   * multi-row statements keeps a statement journal (the pages it changes, to take back that statement
   * alone if it fails); past 64 KiB that journal goes to a temporary file: for the bench's LinkedIn file
   * 32,600 page writes to it (130 MB), half of the import's pwrite calls. In memory it holds one statement's
   * pages at a time. The pragmas run on the connection outside any transaction (Kysely's single SQLite
   * connection serializes them with the transactions of other requests).
   */
  async function withTempInMemory<T>(work: () => Promise<T>): Promise<T> {
    if (dialect !== 'sqlite') return work();
    if (inMemoryTemp++ === 0) {
      tempStoreBefore = (await sql<{ temp_store: number }>`pragma temp_store`.execute(db)).rows[0]?.temp_store ?? 0;
      await sql.raw('pragma temp_store = memory').execute(db);
    }
    try {
      return await work();
    } finally {
      if (--inMemoryTemp === 0) await sql.raw(`pragma temp_store = ${Number(tempStoreBefore)}`).execute(db);
    }
  }

  function windowOf(options: ImportOptionsInput) {
    const now = clock.now();
    const to = options.to && new Date(options.to) < now ? options.to : now.toISOString();
    const from = options.from ?? new Date(now.getTime() - 365 * DAY_MS).toISOString();
    return { from, to };
  }

  async function execute(trx: Kysely<DB>, actor: Actor, source: ByteSource, options: ImportOptionsInput, importId: string) {
    const opened = await openImport(source(), { format: options.format, map: options.map, window: windowOf(options) });
    const { summary, items } = await runImport(trx, { dialect, actor, now: nowIso(clock), newId, importId, createContacts: options.createContacts ?? false }, opened);
    return { opened, summary, items };
  }

  /** What an import would do, computed by doing it in a transaction that is then rolled back. */
  async function preview(actor: Actor, source: ByteSource, options: ImportOptionsInput): Promise<{ format: ImportFormatName; summary: ImportSummaryDto }> {
    try {
      await withTempInMemory(() => db.transaction().execute(async (trx) => {
        const importId = newId();
        // The import_key rows of a preview need a batch to point at; it is rolled back with the rest.
        await repo.insertBatch(trx, batchRow(actor, importId, 'pending', null, options));
        const { opened, summary } = await execute(trx, actor, source, options, importId);
        throw new Rollback({ format: opened.format, summary });
      }));
    } catch (error) {
      if (error instanceof Rollback) return error.result;
      throw error;
    }
    throw new AppError('internal', 'preview did not roll back');
  }

  function batchRow(actor: Actor, id: string, status: string, fileName: string | null, options: ImportOptionsInput): ImportBatchTable {
    return {
      id,
      owner_id: actor.userId,
      format: options.format ?? 'csv',
      file_name: fileName,
      fingerprint: null,
      status,
      options: JSON.stringify(options),
      summary: '{}',
      upload_path: null,
      created_at: nowIso(clock),
      applied_at: null,
      undone_at: null,
    };
  }

  /** Applies a file: everything in one transaction, recorded with what it did. */
  async function applySource(actor: Actor, source: ByteSource, options: ImportOptionsInput, fileName: string | null, existingId?: string): Promise<ImportDto> {
    const id = existingId ?? newId();
    await withTempInMemory(() => db.transaction().execute(async (trx) => {
      if (!existingId) await repo.insertBatch(trx, batchRow(actor, id, 'pending', fileName, options));
      const { opened, summary, items } = await execute(trx, actor, source, options, id);
      await repo.insertItems(trx, items.map((item, seq) => ({ import_id: id, seq, owner_id: actor.userId, kind: item.kind, ref_id: item.refId, before: item.before })));
      await repo.updateBatch(trx, actor.userId, id, {
        status: 'applied',
        format: opened.format,
        fingerprint: opened.fingerprint(),
        summary: JSON.stringify(summary),
        applied_at: nowIso(clock),
        upload_path: null,
      });
    }));
    return get(actor, id);
  }

  async function get(actor: Actor, id: string): Promise<ImportDto> {
    const row = await repo.findBatch(db, actor.userId, id);
    if (!row) throw notFound('Import');
    return toImportDto(row);
  }

  async function pendingUpload(actor: Actor, id: string) {
    const row = await repo.findBatch(db, actor.userId, id);
    if (!row) throw notFound('Import');
    if (row.status !== 'pending' || !row.upload_path) throw new AppError('conflict', `This import was already ${row.status}`);
    return row;
  }

  async function cleanOldUploads() {
    try {
      for (const name of await readdir(uploadDir())) {
        const path = join(uploadDir(), name);
        if (Date.now() - (await stat(path)).mtimeMs > DAY_MS) await rm(path, { force: true });
      }
    } catch {
      // nothing to clean
    }
  }

  return {
    preview,

    /** CLI: apply a file at once (or only preview it). */
    async importFile(actor: Actor, path: string, options: ImportOptionsInput, fileName: string) {
      return applySource(actor, fileSource(path), options, fileName);
    },

    applySource,

    /** HTTP: stores the upload (refusing more than 50 MB), previews it, and keeps it for apply. */
    async upload(actor: Actor, file: Readable, fileName: string | null, options: ImportOptionsInput): Promise<ImportDto> {
      await mkdir(uploadDir(), { recursive: true });
      await cleanOldUploads();
      const id = newId();
      const path = join(uploadDir(), id);
      let size = 0;
      try {
        await pipeline(
          file,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              size += chunk.length;
              if (size > MAX_IMPORT_BYTES) throw new AppError('payload_too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
              yield chunk;
            }
          },
          createWriteStream(path),
        );
        if ((file as Readable & { truncated?: boolean }).truncated) throw new AppError('payload_too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
        const { format, summary } = await preview(actor, fileSource(path), options);
        await repo.insertBatch(db, { ...batchRow(actor, id, 'pending', fileName, options), format, summary: JSON.stringify(summary), upload_path: path });
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      return get(actor, id);
    },

    /** HTTP: previews an upload again with other options (a column mapping, a format, a window). */
    async repreview(actor: Actor, id: string, options: ImportOptionsInput): Promise<ImportDto> {
      const row = await pendingUpload(actor, id);
      const { format, summary } = await preview(actor, fileSource(row.upload_path!), options);
      await repo.updateBatch(db, actor.userId, id, { format, summary: JSON.stringify(summary), options: JSON.stringify(options) });
      return get(actor, id);
    },

    /** HTTP: applies an upload with the options of its last preview. */
    async apply(actor: Actor, id: string): Promise<ImportDto> {
      const row = await pendingUpload(actor, id);
      const result = await applySource(actor, fileSource(row.upload_path!), JSON.parse(row.options) as ImportOptionsInput, row.file_name, id);
      await rm(row.upload_path!, { force: true });
      return result;
    },

    get,

    async list(actor: Actor, query: { limit: number; cursor?: string }): Promise<{ items: ImportDto[]; nextCursor: string | null }> {
      const cursor = decodeCursor(query.cursor, 2);
      const rows = await repo.listBatches(db, actor.userId, query.limit + 1, cursor && { key: String(cursor[0]), id: String(cursor[1]) });
      const page = pageOf(rows, query.limit, (r) => [r.created_at, r.id]);
      return { items: page.items.map(toImportDto), nextCursor: page.nextCursor };
    },

    /**
     * Undoes an applied import: deletes what it created (contacts with their notes and the
     * interactions only they took part in, notes, calendar interactions, organizations and tags no
     * one uses any more) and puts back what it changed in the contacts it merged into (the columns the
     * merge changed, the tags and handles it added); later edits to other fields stay. One transaction.
     */
    async undo(actor: Actor, id: string): Promise<ImportDto> {
      const ownerId = actor.userId;
      await withTempInMemory(() => db.transaction().execute(async (trx) => {
        const batch = await repo.findBatch(trx, ownerId, id);
        if (!batch) throw notFound('Import');
        if (batch.status !== 'applied') throw new AppError('conflict', batch.status === 'undone' ? 'This import was already undone' : 'This import was never applied');
        const items = await repo.itemsOf(trx, id);
        const of = (kind: string) => items.filter((i) => i.kind === kind).map((i) => i.ref_id);
        const touched = new Set<string>();
        const reindex = new Set<string>();

        const interactions = of('interaction_created');
        for (const part of repo.chunks(interactions, 500)) {
          const owned = await repo.ownedIds(trx, 'interaction', ownerId, part);
          const links = await trx.selectFrom('interaction_contact').select('contact_id').where('interaction_id', 'in', owned).execute();
          for (const l of links) touched.add(l.contact_id);
          await trx.deleteFrom('interaction').where('id', 'in', owned).execute();
        }
        await removeSearchDocs(trx, dialect, interactions);
        for (const part of repo.chunks(of('note_created'), 500)) await trx.deleteFrom('note').where('owner_id', '=', ownerId).where('id', 'in', part).execute();

        // Merged contacts back as they were, 500 at a time. A contact merged by two batches of the file
        // has a record from each, newest first: for each column the oldest record that holds it (the
        // contact before the import) is the one that counts, in this part as in a later one.
        for (const part of repo.chunks(items.filter((i) => i.kind === 'contact_merged'), 500)) {
          const befores = undoRecords(part);
          const live = new Set((await trx.selectFrom('contact').select(['id', 'owner_id']).where('id', 'in', befores.map((b) => b.id)).execute()).filter((r) => r.owner_id === ownerId).map((r) => r.id));
          const restore = befores.filter((b) => live.has(b.id));
          if (restore.length === 0) continue;
          const orgIds = [...new Set(restore.map((b) => b.row.organization_id).filter((o): o is string => !!o))];
          const liveOrgs = new Set(orgIds.length ? (await trx.selectFrom('organization').select('id').where('id', 'in', orgIds).execute()).map((o) => o.id) : []);
          const full = restore.filter((b) => b.tagIds && b.handles);
          const tagIds = [...new Set(full.flatMap((b) => b.tagIds!))];
          const liveTags = new Set(tagIds.length ? (await trx.selectFrom('tag').select('id').where('owner_id', '=', ownerId).where('id', 'in', tagIds).execute()).map((t) => t.id) : []);
          // Only what an import changes; derived columns stay as the interactions make them now.
          await repo.updateContactRows(
            trx,
            ownerId,
            restore.map((b) => ({ id: b.id, values: 'organization_id' in b.row ? { ...b.row, organization_id: b.row.organization_id && liveOrgs.has(b.row.organization_id) ? b.row.organization_id : null } : b.row })),
          );
          for (const b of restore) reindex.add(b.id);
          // Records that hold every tag and handle the contact had: those replace what it has now.
          const ids = full.map((b) => b.id);
          if (ids.length) {
            await trx.deleteFrom('contact_tag').where('contact_id', 'in', ids).execute();
            await repo.insertContactTags(trx, full.flatMap((b) => b.tagIds!.filter((t) => liveTags.has(t)).map((tag_id) => ({ contact_id: b.id, tag_id, owner_id: ownerId }))));
            await trx.deleteFrom('contact_handle').where('contact_id', 'in', ids).execute();
            await repo.insertHandles(trx, full.flatMap((b) => b.handles!.map((h) => ({ owner_id: ownerId, kind: h.kind, value: h.value, contact_id: b.id }))));
          }
          // Records that hold what the import added: those rows go, the contact's others stay as they are.
          await repo.deleteContactTags(trx, restore.flatMap((b) => b.addedTagIds.map((tag_id) => ({ contact_id: b.id, tag_id }))));
          await repo.deleteHandles(trx, ownerId, restore.flatMap((b) => b.addedHandles.map((h) => ({ contact_id: b.id, kind: h.kind, value: h.value }))));
        }

        // Contacts it created go, with the interactions no one else took part in.
        const createdContacts = of('contact_created');
        const created = new Set(createdContacts);
        const linked = new Set<string>();
        for (const part of repo.chunks(createdContacts, 500))
          for (const l of await trx.selectFrom('interaction_contact').select('interaction_id').where('contact_id', 'in', part).execute()) linked.add(l.interaction_id);
        const shared = new Set<string>();
        for (const part of repo.chunks([...linked], 500))
          for (const l of await trx.selectFrom('interaction_contact').select(['interaction_id', 'contact_id']).where('interaction_id', 'in', part).execute())
            if (!created.has(l.contact_id)) shared.add(l.interaction_id);
        const orphans = [...linked].filter((i) => !shared.has(i));
        // Deleted by primary key (the owner's own ids, checked first): with owner_id in the WHERE
        // clause SQLite would walk the owner's list index for every chunk.
        for (const part of repo.chunks(orphans, 500)) await trx.deleteFrom('interaction').where('id', 'in', await repo.ownedIds(trx, 'interaction', ownerId, part)).execute();
        for (const part of repo.chunks(createdContacts, 500)) await trx.deleteFrom('contact').where('id', 'in', await repo.ownedIds(trx, 'contact', ownerId, part)).execute();
        await removeSearchDocs(trx, dialect, [...createdContacts, ...orphans]);
        for (const c of createdContacts) touched.delete(c);

        for (const part of repo.chunks(of('organization_created'), 500))
          await trx
            .deleteFrom('organization')
            .where('owner_id', '=', ownerId)
            .where('id', 'in', part)
            .where(({ not, exists, selectFrom }) => not(exists(selectFrom('contact').select('contact.id').whereRef('contact.organization_id', '=', 'organization.id'))))
            .execute();
        for (const part of repo.chunks(of('tag_created'), 500))
          await trx
            .deleteFrom('tag')
            .where('owner_id', '=', ownerId)
            .where('id', 'in', part)
            .where(({ not, exists, selectFrom }) => not(exists(selectFrom('contact_tag').select('contact_tag.tag_id').whereRef('contact_tag.tag_id', '=', 'tag.id'))))
            .execute();

        await trx.deleteFrom('import_key').where('import_id', '=', id).execute();
        for (const c of createdContacts) reindex.delete(c);
        for (const part of repo.chunks([...touched], 500)) await refreshDerived(trx, ownerId, part, actor.timezone, clock.now());
        for (const part of repo.chunks([...new Set([...touched, ...reindex])], 500)) await reindexContacts(trx, dialect, ownerId, part);
        await repo.updateBatch(trx, ownerId, id, { status: 'undone', undone_at: nowIso(clock) });
      }));
      return get(actor, id);
    },
  };
}

export type ImportService = ReturnType<typeof importService>;
