import { getUntypedClient, type TRPCClient } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import type { DataProvider, Identifier, RaRecord } from "ra-core";
import { toHttpError, type Locale } from "./errors.js";

export * from "./errors.js";

/** Per-call options passed on to the client; only `signal` is used. */
export interface TrpcCallOptions {
  signal?: AbortSignal;
}

/**
 * What the provider needs from a client: call a procedure by its dotted path. `TRPCUntypedClient` (from
 * `createTRPCUntypedClient`) has exactly this shape; a test double or a wrapper adding headers can too.
 */
export interface TrpcCaller {
  query(path: string, input?: unknown, opts?: TrpcCallOptions): Promise<unknown>;
  mutation(path: string, input?: unknown, opts?: TrpcCallOptions): Promise<unknown>;
}

/** A client the provider accepts: `createTRPCClient<AnyRouter>(…)`'s proxy client, or any {@link TrpcCaller}. */
export type TrpcClientLike = TrpcCaller | TRPCClient<AnyRouter>;

export interface TrpcDataProviderOptions {
  /**
   * Resource name → router path. Default: identity (`"posts"` → `posts.list`, …). Dotted paths reach nested
   * routers, e.g. `"geopark-education/trips"` → `"plugins.geoparkEducation.trips"`.
   */
  resourcePath?: (resource: string) => string;
  /** Which language to use for error messages; called once per error. Default: `() => "vi"`. */
  locale?: () => Locale;
}

/** Fields react-admin keeps on a record that are never part of a create/update payload. */
const RECORD_ONLY_FIELDS = ["id", "version"] as const;

/** `data` without `id` and `version`. */
function withoutRecordFields(data: Record<string, unknown> | undefined | null): Record<string, unknown> {
  const payload: Record<string, unknown> = { ...(data ?? {}) };
  for (const field of RECORD_ONLY_FIELDS) delete payload[field];
  return payload;
}

/** `{ a, b: undefined }` → `{ a }`, so optional members are absent rather than `undefined`. */
function compact<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Structural equality of JSON-like values (plus `Date`), used to compute what an edit changed. */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => isDeepEqual(item, b[index]));
  }
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const aKeys = Object.keys(aRecord).filter((key) => aRecord[key] !== undefined);
  const bKeys = Object.keys(bRecord).filter((key) => bRecord[key] !== undefined);
  return aKeys.length === bKeys.length && aKeys.every((key) => isDeepEqual(aRecord[key], bRecord[key]));
}

/** The members of `data` whose value differs from `previousData`'s (top-level keys; a changed object is sent whole). */
export function diffData(
  data: Record<string, unknown>,
  previousData: Record<string, unknown>,
): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => !isDeepEqual(value, previousData[key])));
}

/**
 * The client's untyped core. A `createTRPCClient` proxy hands it out through `getUntypedClient`; a
 * `TRPCUntypedClient` or another {@link TrpcCaller} is used as it is.
 *
 * Why the untyped client: the provider calls procedures whose names it only knows at run time
 * (`${resourcePath(resource)}.${method}`). The untyped client takes exactly that string, the same path that goes
 * on the wire, so there is no walking of a proxy segment by segment and no type assertions on a router type the
 * provider cannot know. The typed proxy would be the tool for an app that knows its router; a generic provider is
 * what `createTRPCUntypedClient` is documented for.
 */
function toCaller(client: TrpcClientLike): TrpcCaller {
  // On a proxy client this reads a well-known symbol; on anything else it is simply undefined.
  const untyped = getUntypedClient(client as TRPCClient<AnyRouter>) as TrpcCaller | undefined;
  if (untyped && typeof untyped.query === "function") return untyped;
  const caller = client as TrpcCaller;
  if (typeof caller.query === "function" && typeof caller.mutation === "function") return caller;
  throw new TypeError(
    "trpcDataProvider: expected a client from createTRPCClient() or createTRPCUntypedClient(), " +
      "or an object with query(path, input) and mutation(path, input)",
  );
}

/**
 * Maps react-admin queries to a tRPC v11 router that follows the resource conventions: each resource is a
 * sub-router with the procedures `list getOne getMany getManyReference` (queries) and
 * `create update updateMany delete deleteMany` (mutations); records carry `id` and `version`.
 *
 * @example
 *
 * getList          => query    posts.list             { pagination: { page, perPage }, sort: { field, order }, filter }
 * getOne           => query    posts.getOne           { id }
 * getMany          => query    posts.getMany          { ids }
 * getManyReference => query    comments.getManyReference { target: "postId", id, pagination, sort, filter }
 * create           => mutation posts.create           { data }
 * update           => mutation posts.update           { id, data: changedFields, version }
 * updateMany       => mutation posts.updateMany       { ids, versions, data }
 * delete           => mutation posts.delete           { id, version }
 * deleteMany       => mutation posts.deleteMany       { ids, versions }
 *
 * Every change names the version it is based on. react-admin's bulk actions pass only ids: the provider reads the
 * records' current versions (`getMany`) just before the bulk mutation, and a delete without `previousData` reads it
 * with `getOne`.
 *
 * @example
 *
 * import { createTRPCClient, httpBatchLink } from "@trpc/client";
 * import type { AnyRouter } from "@trpc/server";
 * import { Admin, Resource } from "react-admin";
 * import { trpcDataProvider } from "@eduplan/ra-data-trpc";
 *
 * const client = createTRPCClient<AnyRouter>({ links: [httpBatchLink({ url: "/trpc" })] });
 * const dataProvider = trpcDataProvider(client, {
 *   resourcePath: (resource) => resource.replace(/^plugin:(\w+)\//, "plugins.$1."),
 *   locale: () => (i18nProvider.getLocale() === "en" ? "en" : "vi"),
 * });
 *
 * const App = () => (
 *   <Admin dataProvider={dataProvider}>
 *     <Resource name="posts" list={PostList} />
 *   </Admin>
 * );
 *
 * Errors: a `TRPCClientError` is rethrown as an `HttpError` (see `toHttpError` in ./errors.ts).
 */
export function trpcDataProvider(client: TrpcClientLike, options: TrpcDataProviderOptions = {}): DataProvider {
  const caller = toCaller(client);
  const resourcePath = options.resourcePath ?? ((resource: string) => resource);
  const locale = options.locale ?? ((): Locale => "vi");

  async function call<T>(
    kind: "query" | "mutation",
    resource: string,
    procedure: string,
    input: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const path = `${resourcePath(resource)}.${procedure}`;
    const callOptions = signal ? { signal } : undefined;
    try {
      return (await (kind === "query"
        ? caller.query(path, input, callOptions)
        : caller.mutation(path, input, callOptions))) as T;
    } catch (error) {
      // A call react-admin (react-query) cancelled is not an API error: let the abort surface as it is.
      if (signal?.aborted) throw error;
      throw toHttpError(error, locale());
    }
  }

  /** The current versions of records, for a bulk change based on them (`{ ids, versions }`). */
  async function versionsOf(resource: string, ids: Identifier[]): Promise<{ ids: Identifier[]; versions: unknown[] }> {
    const { data } = await call<{ data: RaRecord[] }>("query", resource, "getMany", { ids });
    const byId = new Map(data.map((r) => [String(r.id), r.version as unknown]));
    return { ids, versions: ids.map((id) => byId.get(String(id))) };
  }

  return {
    /**
     * `query <resource>.list` with `{ pagination: { page, perPage }, sort: { field, order }, filter }`
     * (members react-admin left out are left out) → `{ data: Record[], total }`.
     */
    getList: (resource, params) =>
      call(
        "query",
        resource,
        "list",
        compact({ pagination: params.pagination, sort: params.sort, filter: params.filter }),
        params.signal,
      ),

    /** `query <resource>.getOne` with `{ id }` → `{ data: Record }`. */
    getOne: (resource, params) => call("query", resource, "getOne", { id: params.id }, params.signal),

    /** `query <resource>.getMany` with `{ ids }` → `{ data: Record[] }`. */
    getMany: (resource, params) => call("query", resource, "getMany", { ids: params.ids }, params.signal),

    /**
     * `query <resource>.getManyReference` with `{ target, id, pagination, sort, filter }` → `{ data: Record[], total }`.
     * The server restricts the list to records whose `target` field equals `id` (e.g. comments with `postId` = 1).
     */
    getManyReference: (resource, params) =>
      call(
        "query",
        resource,
        "getManyReference",
        compact({
          target: params.target,
          id: params.id,
          pagination: params.pagination,
          sort: params.sort,
          filter: params.filter,
        }),
        params.signal,
      ),

    /** `mutation <resource>.create` with `{ data }` (without `id` and `version`) → `{ data: Record }`. */
    create: (resource, params) =>
      call("mutation", resource, "create", { data: withoutRecordFields(params.data as Record<string, unknown>) }),

    /**
     * `mutation <resource>.update` with `{ id, data, version }` → `{ data: Record }`.
     * - `data` holds only the fields that differ from `previousData` when react-admin passes it (the full `data`
     *   otherwise), never `id` or `version`;
     * - `version` is the version the edit was based on: `previousData.version`, else `data.version`. A stale
     *   version makes the server answer `CONFLICT`, thrown as an `HttpError` with status 409.
     */
    update: (resource, params) => {
      const data = (params.data ?? {}) as Record<string, unknown>;
      const previousData = params.previousData as Record<string, unknown> | undefined;
      const version = previousData?.version ?? data.version;
      const changed = previousData ? diffData(data, previousData) : data;
      return call(
        "mutation",
        resource,
        "update",
        compact({ id: params.id, data: withoutRecordFields(changed), version }),
      );
    },

    /** `mutation <resource>.updateMany` with `{ ids, versions, data }` (without `id` and `version`) → `{ data: Id[] }`. */
    updateMany: async (resource, params) =>
      call("mutation", resource, "updateMany", {
        ...(await versionsOf(resource, params.ids)),
        data: withoutRecordFields(params.data as Record<string, unknown>),
      }),

    /**
     * `mutation <resource>.delete` with `{ id, version }` → `{ data: Record }`; `version` is
     * `previousData.version`, else the record's current one.
     */
    delete: async (resource, params) => {
      const known = (params.previousData as RaRecord | undefined)?.version as unknown;
      const version = known ?? ((await call<{ data: RaRecord }>("query", resource, "getOne", { id: params.id })).data.version as unknown);
      return call("mutation", resource, "delete", compact({ id: params.id, version }));
    },

    /** `mutation <resource>.deleteMany` with `{ ids, versions }` → `{ data: Id[] }`. */
    deleteMany: async (resource, params) => call<{ data: Identifier[] }>("mutation", resource, "deleteMany", await versionsOf(resource, params.ids)),
  };
}

export default trpcDataProvider;
