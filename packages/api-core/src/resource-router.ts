/**
 * The one factory of resource routers: `list getOne getMany getManyReference create update updateMany delete
 * deleteMany` for any `ResourceDefinition` (core resources, and plugins' tables through `pluginResource`), with the
 * input and output shapes of docs/api-conventions.md. Procedures only map onto the guarded path of `@eduplan/db`,
 * which checks role, area, references, lock, version and bounds in the transaction of every write. The role is also
 * checked before the input is parsed, so a role that may not write is told so rather than told its input is wrong.
 */
import { z } from "zod";
import {
  createRecord,
  prepareRecordInput,
  transaction,
  deleteRecord,
  deleteRecords,
  getRecord,
  getRecords,
  listRecords,
  updateRecord,
  updateRecords,
  type Principal,
  type ResourceDefinition,
  type Row,
} from "@eduplan/db";
import { VersionSchema } from "@eduplan/domain";
import type { SessionUser } from "./auth/session.js";
import { forbidden } from "./errors.js";
import { DeleteInput, GetManyReferenceInput, GetOneInput, IdInput, IdsInput, ListInput, VersionedIdsInput, versionedIds } from "./inputs.js";
import { authedProcedure, router } from "./trpc.js";

export type ListResult = { data: Row[]; total: number };

export const principalOf = (user: SessionUser): Principal => ({ userId: user.id, username: user.username, role: user.role, localityId: user.localityId });

/** The procedure a resource's procedures start from (a plugin's adds its own gate: active, enabled for the province). */
export type BaseProcedure = typeof authedProcedure;

/** A middleware refusing roles the resource's access table does not name (before the input is even parsed). */
export function requireRole(def: ResourceDefinition, access: "read" | "write", base: BaseProcedure = authedProcedure) {
  return base.use(({ ctx, next }) => {
    const roles = access === "read" ? def.access.read : def.access.write;
    if (!roles.includes(ctx.user.role) || (ctx.user.role !== "system_admin" && ctx.user.localityId === null))
      throw access === "read"
        ? forbidden(`Your role (${ctx.user.role}) may not read ${def.name}.`, `Vai trò của bạn không được xem ${def.entityVi}.`)
        : forbidden(`Your role (${ctx.user.role}) may not change ${def.name}.`, `Vai trò của bạn không được thay đổi ${def.entityVi}.`);
    return next();
  });
}

type ListInputT = z.infer<typeof ListInput>;

/** Record fields of a write: parsed (and unknown keys refused, by name) by the resource's schema in the write path. */
export const RecordData = z.record(z.string().max(100), z.unknown());

export type ReadOptions = {
  /** Adjust each record on output (the audit log's entries get `version` 1). */
  mapRow?: (row: Row) => Row;
  base?: BaseProcedure;
};

/** The read procedures of a resource. */
export function readProcedures(def: ResourceDefinition, options: ReadOptions = {}) {
  const reader = requireRole(def, "read", options.base);
  const map = options.mapRow ?? ((r: Row) => r);
  const list = async (db: Parameters<typeof listRecords>[0], user: SessionUser, input: ListInputT | undefined): Promise<ListResult> => {
    const result = await listRecords(db, def, { pagination: input?.pagination, sort: input?.sort, filter: input?.filter }, principalOf(user));
    return { data: result.data.map(map), total: result.total };
  };
  return {
    list: reader.input(ListInput.optional()).query(({ ctx, input }): Promise<ListResult> => list(ctx.db, ctx.user, input)),
    getOne: reader.input(GetOneInput).query(async ({ ctx, input }): Promise<{ data: Row }> => ({ data: map(await getRecord(ctx.db, def, input.id, principalOf(ctx.user))) })),
    getMany: reader.input(IdsInput).query(async ({ ctx, input }): Promise<{ data: Row[] }> => ({ data: (await getRecords(ctx.db, def, input.ids, principalOf(ctx.user))).map(map) })),
    getManyReference: reader
      .input(GetManyReferenceInput)
      .query(({ ctx, input }): Promise<ListResult> => list(ctx.db, ctx.user, { ...input, filter: { ...(input.filter ?? {}), [input.target]: input.id } })),
  };
}

/**
 * The write procedures of a resource. Each write is one `transaction`; its input is prepared before it (the resource's
 * slow work, such as hashing a user's password: no real I/O inside a transaction).
 */
export function writeProcedures(def: ResourceDefinition, base: BaseProcedure = authedProcedure) {
  const writer = requireRole(def, "write", base);
  return {
    create: writer.input(z.object({ data: RecordData })).mutation(async ({ ctx, input }): Promise<{ data: Row }> => {
      const principal = principalOf(ctx.user);
      const data = await prepareRecordInput(def, input.data, principal);
      return { data: await transaction(ctx.db, (tx) => createRecord(tx, def, data, principal)) };
    }),
    update: writer.input(z.object({ id: IdInput, data: RecordData, version: VersionSchema })).mutation(async ({ ctx, input }): Promise<{ data: Row }> => {
      const principal = principalOf(ctx.user);
      const patch = await prepareRecordInput(def, input.data, principal);
      return { data: await transaction(ctx.db, (tx) => updateRecord(tx, def, input.id, patch, input.version, principal)) };
    }),
    updateMany: writer.input(z.intersection(VersionedIdsInput, z.object({ data: RecordData }))).mutation(async ({ ctx, input }): Promise<{ data: number[] }> => {
      const principal = principalOf(ctx.user);
      const patch = await prepareRecordInput(def, input.data, principal);
      return { data: await transaction(ctx.db, (tx) => updateRecords(tx, def, versionedIds(input), patch, principal)) };
    }),
    delete: writer.input(DeleteInput).mutation(async ({ ctx, input }): Promise<{ data: Row }> => ({
      data: await transaction(ctx.db, (tx) => deleteRecord(tx, def, input.id, input.version, principalOf(ctx.user))),
    })),
    deleteMany: writer.input(VersionedIdsInput).mutation(async ({ ctx, input }): Promise<{ data: number[] }> => ({
      data: await transaction(ctx.db, (tx) => deleteRecords(tx, def, versionedIds(input), principalOf(ctx.user))),
    })),
  };
}

/** CRUD procedures of one resource. */
export function resourceRouter(def: ResourceDefinition, base: BaseProcedure = authedProcedure) {
  return router({ ...readProcedures(def, { base }), ...writeProcedures(def, base) });
}

/** Read-only procedures (`list getOne getMany getManyReference`): reference tables and the audit log. */
export function readOnlyRouter(def: ResourceDefinition, options: ReadOptions = {}) {
  return router(readProcedures(def, options));
}
