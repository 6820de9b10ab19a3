/**
 * The one factory of resource routers: `list getOne getMany getManyReference create update updateMany delete
 * deleteMany` for any `ResourceDefinition`, with the input and output shapes of docs/api-conventions.md, the role
 * policy checked before the input is parsed, and the locality scope checked on every read and write (the stored
 * record and, for writes, the new data). Each mutation runs in one transaction.
 */
import { z } from "zod";
import { and, getTableColumns, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { VersionSchema, foldVietnamese } from "@eduplan/domain";
import { notFound, scopeCondition, type Actor, type Db, type ResourceDefinition, type Row, type Tx } from "@eduplan/db";
import type { SessionUser } from "../auth/session.js";
import type { Context } from "../context.js";
import { forbidden } from "../errors.js";
import { DeleteInput, GetManyReferenceInput, GetOneInput, IdInput, IdsInput, ListInput, patchSchemaOf } from "../inputs.js";
import type { ResourcePolicy } from "../policy.js";
import { assertReadable, assertReferencesExist, assertWritable, isLocalityTree, scopeRootOf } from "../scope.js";
import { authedProcedure, router } from "../trpc.js";

export type ListResult = { data: Row[]; total: number };

const actorOf = (user: SessionUser): Actor => ({ userId: user.id, username: user.username });

/** A middleware refusing roles the policy does not name (before the input is even parsed). */
function requireRole(def: ResourceDefinition, roles: readonly string[], access: "read" | "write") {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role) || (ctx.user.role !== "system_admin" && ctx.user.localityId === null))
      throw access === "read"
        ? forbidden(`Your role (${ctx.user.role}) may not read ${def.name}.`, `Vai trò của bạn không được xem ${def.entityVi}.`)
        : forbidden(`Your role (${ctx.user.role}) may not change ${def.name}.`, `Vai trò của bạn không được thay đổi ${def.entityVi}.`);
    return next();
  });
}

export type ResourceHooks = {
  /** Runs in the transaction of an update, after the write (users: end the sessions of a deactivated account). */
  afterUpdate?: (tx: Tx, before: Row, after: Row, patch: Record<string, unknown>) => void;
  /** Narrows the filter of `list` and `getManyReference` for the user (plugins: hide what a province has disabled). */
  restrictFilter?: (ctx: Context & { user: SessionUser }, filter: Record<string, unknown>) => Record<string, unknown>;
  /** Refuses a record the user may not see although it is in their area (`getOne`, `getMany`). */
  assertVisible?: (ctx: Context & { user: SessionUser }, row: Row) => void;
};

type ListInputT = z.infer<typeof ListInput>;

const NOT_SEARCHED = new Set(["createdAt", "updatedAt", "searchText"]);

/** Text columns searched by `filter.q` for tables without a maintained `searchText` column. */
function fallbackSearchColumns(def: ResourceDefinition): SQLiteColumn[] {
  return Object.entries(getTableColumns(def.table) as Record<string, SQLiteColumn>)
    .filter(([key, col]) => col.columnType === "SQLiteText" && !NOT_SEARCHED.has(key) && !def.hiddenColumns?.includes(key))
    .map(([, col]) => col);
}

/**
 * `filter.q` for every resource: tables with a maintained `searchText` column are searched by the repository; for the others,
 * q becomes the list of ids whose text columns contain it, with or without diacritics (`eduplan_fold`).
 */
export function resolveSearch(db: Db, def: ResourceDefinition, filter: Record<string, unknown> | undefined, scopeRoot: number | null) {
  if (!filter || filter.q === undefined || filter.q === null || filter.q === "") return filter;
  if ("searchText" in getTableColumns(def.table) && def.searchFields?.length) return filter;
  const { q, ...rest } = filter;
  const needle = foldVietnamese(String(q)).replace(/[%_\\]/g, (c) => `\\${c}`);
  const columns = fallbackSearchColumns(def);
  if (!needle) return rest;
  if (!columns.length) return { ...rest, id: [] };
  const conditions: SQL[] = [or(...columns.map((c) => sql`eduplan_fold(${c}) like ${`%${needle}%`} escape '\\'`))!];
  const scoped = scopeRoot === null ? undefined : scopeCondition(def, scopeRoot);
  if (scoped) conditions.push(scoped);
  const idColumn = (getTableColumns(def.table) as Record<string, SQLiteColumn>).id!;
  const ids = db
    .select({ id: idColumn })
    .from(def.table)
    .where(and(...conditions))
    .all()
    .map((r) => r.id as number);
  const requested = rest.id === undefined ? null : new Set((Array.isArray(rest.id) ? rest.id : [rest.id]).map(Number));
  return { ...rest, id: requested ? ids.filter((id) => requested.has(id)) : ids };
}

function listParams(ctx: Context & { user: SessionUser }, def: ResourceDefinition, input: ListInputT | undefined, hooks: ResourceHooks = {}) {
  const scopeRoot = scopeRootOf(ctx.user);
  const filter = resolveSearch(ctx.db, def, input?.filter, scopeRoot);
  return {
    pagination: input?.pagination,
    sort: input?.sort,
    filter: hooks.restrictFilter ? hooks.restrictFilter(ctx, filter ?? {}) : filter,
    scopeRoot,
  };
}

/** CRUD procedures of one resource. */
export function resourceRouter(def: ResourceDefinition, policy: ResourcePolicy, hooks: ResourceHooks = {}) {
  const reader = requireRole(def, policy.read, "read");
  const writer = requireRole(def, policy.write, "write");
  const repoOf = (ctx: Context) => ctx.services.repository(def);
  const patchSchema = patchSchemaOf(def.updateSchema ?? def.inputSchema);
  const tree = isLocalityTree(def);

  function updateOne(tx: Tx, ctx: Context & { user: SessionUser }, id: number, patch: Record<string, unknown>, version: number | null): Row {
    const repo = repoOf(ctx);
    const existing = repo.readInTx(tx, id);
    if (!existing) throw notFound(def.entityVi, id);
    assertReadable(tx, ctx.user, def, existing);
    const merged = { ...existing, ...patch };
    if (!tree) assertWritable(tx, ctx.user, def, merged);
    else if ("parentId" in patch && patch.parentId !== existing.parentId) assertWritable(tx, ctx.user, def, merged, { anchorField: "parentId" });
    assertReferencesExist(tx, def, patch);
    const after = repo.updateInTx(tx, id, patch, version, actorOf(ctx.user));
    hooks.afterUpdate?.(tx, existing, after, patch);
    return after;
  }

  function deleteOne(tx: Tx, ctx: Context & { user: SessionUser }, id: number, version: number | null): Row {
    const repo = repoOf(ctx);
    const existing = repo.readInTx(tx, id);
    if (!existing) throw notFound(def.entityVi, id);
    assertReadable(tx, ctx.user, def, existing);
    if (tree) assertWritable(tx, ctx.user, def, existing, { anchorField: "parentId" });
    return repo.deleteInTx(tx, id, version, actorOf(ctx.user));
  }

  return router({
    list: reader
      .input(ListInput.optional())
      .query(async ({ ctx, input }): Promise<ListResult> => repoOf(ctx).list(listParams(ctx, def, input, hooks))),

    getOne: reader.input(GetOneInput).query(async ({ ctx, input }): Promise<{ data: Row }> => {
      const row = await repoOf(ctx).getOne(input.id);
      if (!row) throw notFound(def.entityVi, input.id);
      assertReadable(ctx.db, ctx.user, def, row);
      hooks.assertVisible?.(ctx, row);
      return { data: row };
    }),

    getMany: reader.input(IdsInput).query(async ({ ctx, input }): Promise<{ data: Row[] }> => {
      const ids = [...new Set(input.ids)];
      const repo = repoOf(ctx);
      const rows = await repo.getMany(ids);
      const root = scopeRootOf(ctx.user);
      if (root !== null && def.scope.kind !== "global" && rows.length) {
        const visible = await repo.list({ filter: { id: ids }, scopeRoot: root, pagination: { page: 1, perPage: ids.length } });
        if (visible.total < rows.length) {
          const inScope = new Set(visible.data.map((r) => r.id));
          const outside = rows.find((r) => !inScope.has(r.id))!;
          assertReadable(ctx.db, ctx.user, def, outside); // throws FORBIDDEN
        }
      }
      for (const row of rows) hooks.assertVisible?.(ctx, row);
      const order = new Map(ids.map((id, i) => [id, i]));
      return { data: rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!) };
    }),

    getManyReference: reader.input(GetManyReferenceInput).query(async ({ ctx, input }): Promise<ListResult> => {
      return repoOf(ctx).list(listParams(ctx, def, { ...input, filter: { ...(input.filter ?? {}), [input.target]: input.id } }, hooks));
    }),

    create: writer.input(z.object({ data: def.inputSchema })).mutation(async ({ ctx, input }): Promise<{ data: Row }> => {
      const data = input.data;
      const row = ctx.db.transaction((tx) => {
        assertWritable(tx, ctx.user, def, data, tree ? { anchorField: "parentId" } : {});
        assertReferencesExist(tx, def, data);
        return repoOf(ctx).createInTx(tx, data, actorOf(ctx.user));
      });
      return { data: row };
    }),

    update: writer
      .input(z.object({ id: IdInput, data: patchSchema, version: VersionSchema }))
      .mutation(async ({ ctx, input }): Promise<{ data: Row }> => ({
        data: ctx.db.transaction((tx) => updateOne(tx, ctx, input.id, input.data, input.version)),
      })),

    updateMany: writer
      .input(z.object({ ids: IdsInput.shape.ids, data: patchSchema }))
      .mutation(async ({ ctx, input }): Promise<{ data: number[] }> => ({
        data: ctx.db.transaction((tx) => [...new Set(input.ids)].map((id) => updateOne(tx, ctx, id, input.data, null).id)),
      })),

    delete: writer.input(DeleteInput).mutation(async ({ ctx, input }): Promise<{ data: Row }> => ({
      data: ctx.db.transaction((tx) => deleteOne(tx, ctx, input.id, input.version ?? null)),
    })),

    deleteMany: writer.input(IdsInput).mutation(async ({ ctx, input }): Promise<{ data: number[] }> => ({
      data: ctx.db.transaction((tx) => [...new Set(input.ids)].map((id) => deleteOne(tx, ctx, id, null).id)),
    })),
  });
}

export type ReadOnlyOptions = {
  /** Adjust each record on output. */
  mapRow?: (row: Row) => Row;
};

/**
 * Read-only procedures (`list getOne getMany getManyReference`) for reference tables and the audit log: no locality
 * scope (they are global), the role policy alone decides.
 */
export function readOnlyRouter(def: ResourceDefinition, policy: ResourcePolicy, options: ReadOnlyOptions = {}) {
  const reader = requireRole(def, policy.read, "read");
  const map = options.mapRow ?? ((r: Row) => r);
  const repoOf = (ctx: Context) => ctx.services.repository(def);

  async function list(ctx: Context, input: ListInputT | undefined): Promise<ListResult> {
    const filter = resolveSearch(ctx.db, def, input?.filter, null);
    const result = await repoOf(ctx).list({ pagination: input?.pagination, sort: input?.sort, filter });
    return { data: result.data.map(map), total: result.total };
  }

  return router({
    list: reader.input(ListInput.optional()).query(({ ctx, input }) => list(ctx, input)),
    getOne: reader.input(GetOneInput).query(async ({ ctx, input }): Promise<{ data: Row }> => {
      const row = await repoOf(ctx).getOne(input.id);
      if (!row) throw notFound(def.entityVi, input.id);
      return { data: map(row) };
    }),
    getMany: reader.input(IdsInput).query(async ({ ctx, input }): Promise<{ data: Row[] }> => ({
      data: (await repoOf(ctx).getMany([...new Set(input.ids)])).map(map),
    })),
    getManyReference: reader
      .input(GetManyReferenceInput)
      .query(({ ctx, input }) => list(ctx, { ...input, filter: { ...(input.filter ?? {}), [input.target]: input.id } })),
  });
}
