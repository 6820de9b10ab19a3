/**
 * Tests against a real tRPC v11 router served over real HTTP on the loopback interface: no mock of the network or
 * of the client. The router below follows docs/api-conventions.md with two resources (`posts`, `comments`) and a
 * plugin resource (`plugins.demo.items`), in-memory arrays, zod inputs, version checks and an error formatter that
 * puts `data.eduplan` on every error.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import {
  createTRPCClient,
  createTRPCUntypedClient,
  httpBatchLink,
  httpLink,
  TRPCClientError,
} from "@trpc/client";
import { initTRPC, TRPCError, type AnyRouter } from "@trpc/server";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { HttpError } from "ra-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  STATUS_BY_TRPC_CODE,
  diffData,
  fieldPathSegments,
  toFormErrors,
  toHttpError,
  trpcDataProvider,
  type ErrorDetails,
  type Locale,
  type LocalizedMessage,
  type TrpcCaller,
} from "./index.js";

// ---------------------------------------------------------------------------------------------------------------
// The test server
// ---------------------------------------------------------------------------------------------------------------

type Row = { id: number; version: number; [field: string]: unknown };

const db: Record<"posts" | "comments" | "items", Row[]> = { posts: [], comments: [], items: [] };

function seed() {
  db.posts = [
    { id: 1, version: 1, title: "Trường học Lạng Sơn", body: "Kế hoạch 2030", status: "published", views: 10, meta: { slug: "lang-son" } },
    { id: 2, version: 1, title: "Hà Giang schools", body: "Plan", status: "draft", views: 30, meta: { slug: "ha-giang" } },
    { id: 3, version: 4, title: "Cao Bằng", body: "Địa chất", status: "published", views: 20, meta: { slug: "cao-bang" } },
    { id: 4, version: 1, title: "Bắc Kạn", body: "", status: "draft", views: 5, meta: { slug: "bac-kan" } },
  ];
  db.comments = [
    { id: 1, version: 1, postId: 1, body: "first" },
    { id: 2, version: 1, postId: 1, body: "second" },
    { id: 3, version: 1, postId: 2, body: "third" },
    { id: 4, version: 1, postId: 1, body: "fourth" },
  ];
  db.items = [
    { id: 1, version: 1, name: "Đá vôi" },
    { id: 2, version: 1, name: "Hoá thạch" },
  ];
  calls.length = 0;
}

/** Every procedure call the server received, with the raw input as it came over the wire. */
const calls: { path: string; input: unknown }[] = [];
const lastInput = (path: string) => [...calls].reverse().find((call) => call.path === path)?.input;

/** Carries the conventions' error details from a resolver to the error formatter. */
class ConventionCause extends Error {
  constructor(readonly details: ErrorDetails) {
    super(details.message?.en);
  }
}

function fail(
  code: "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN",
  reason: NonNullable<ErrorDetails["reason"]>,
  message: LocalizedMessage,
  fieldErrors: { path: string; message: LocalizedMessage }[] = [],
): never {
  throw new TRPCError({ code, message: message.en, cause: new ConventionCause({ reason, message, fieldErrors }) });
}

/** Localized messages for the zod issues the schemas below can raise. */
function issueMessage(issue: { code: string }): LocalizedMessage {
  switch (issue.code) {
    case "too_small":
      return { vi: "Không được để trống", en: "Must not be empty" };
    case "invalid_format":
      return { vi: "Sai định dạng", en: "Invalid format" };
    default:
      return { vi: "Giá trị không hợp lệ", en: "Invalid value" };
  }
}

const t = initTRPC.create({
  errorFormatter({ shape, error }) {
    const cause: unknown = error.cause;
    let eduplan: ErrorDetails | undefined;
    if (cause instanceof ConventionCause) {
      eduplan = cause.details;
    } else if (error.code === "BAD_REQUEST" && cause && Array.isArray((cause as { issues?: unknown }).issues)) {
      const issues = (cause as { issues: { code: string; path: PropertyKey[] }[] }).issues;
      eduplan = {
        reason: "validation",
        message: { vi: "Dữ liệu không hợp lệ", en: "Invalid data" },
        // zod paths start at the input root ("data.meta.slug"); the provider must cope with that prefix.
        fieldErrors: issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issueMessage(issue) })),
      };
    }
    return { ...shape, data: { ...shape.data, eduplan } };
  },
});

const recordedProcedure = t.procedure.use(async ({ path, getRawInput, next }) => {
  calls.push({ path, input: await getRawInput() });
  return next();
});

const fold = (text: string) =>
  text.normalize("NFD").replace(/\p{Diacritic}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();

function matches(row: Row, filter: Record<string, unknown>, searchFields: string[]): boolean {
  return Object.entries(filter).every(([key, wanted]) => {
    if (key === "q") return searchFields.some((field) => fold(String(row[field] ?? "")).includes(fold(String(wanted))));
    if (Array.isArray(wanted)) return wanted.includes(row[key]);
    return row[key] === wanted;
  });
}

const idSchema = z.number().int().positive();
const listInput = z.object({
  pagination: z.object({ page: z.number().int().min(1), perPage: z.number().int().min(1) }).optional(),
  sort: z.object({ field: z.string(), order: z.enum(["ASC", "DESC"]) }).optional(),
  filter: z.record(z.string(), z.unknown()).optional(),
});
type ListInput = z.infer<typeof listInput>;

function page(rows: Row[], input: ListInput, searchFields: string[]) {
  let result = rows.filter((row) => matches(row, input.filter ?? {}, searchFields));
  if (input.sort) {
    const { field, order } = input.sort;
    const sign = order === "ASC" ? 1 : -1;
    result = [...result].sort((a, b) => {
      const x = a[field];
      const y = b[field];
      const cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "vi");
      return cmp * sign;
    });
  }
  const total = result.length;
  if (input.pagination) {
    const { page: number, perPage } = input.pagination;
    result = result.slice((number - 1) * perPage, number * perPage);
  }
  return { data: result, total };
}

const conflict = (): never =>
  fail("CONFLICT", "conflict", {
    vi: "Bản ghi này đã được người khác thay đổi",
    en: "This record was changed by someone else",
  });

/** A resource sub-router following the conventions, over `db[table]`. */
function resourceRouter<Shape extends z.ZodRawShape>(
  table: keyof typeof db,
  schema: z.ZodObject<Shape>,
  opts: { searchFields: string[]; uniqueField?: string; defaults?: Record<string, unknown> },
) {
  const rows = () => db[table];
  const find = (id: number) =>
    rows().find((row) => row.id === id) ??
    fail("NOT_FOUND", "notFound", { vi: `Không tìm thấy bản ghi ${id}`, en: `Record ${id} not found` });
  const checkUnique = (data: Record<string, unknown>, id?: number) => {
    const field = opts.uniqueField;
    if (!field || data[field] === undefined) return;
    if (rows().some((row) => row.id !== id && row[field] === data[field])) {
      fail(
        "BAD_REQUEST",
        "validation",
        { vi: "Dữ liệu không hợp lệ", en: "Invalid data" },
        [{ path: field, message: { vi: "Đã tồn tại", en: "Already exists" } }],
      );
    }
  };
  const partial = schema.partial();
  return t.router({
    list: recordedProcedure.input(listInput).query(({ input }) => page(rows(), input, opts.searchFields)),
    getOne: recordedProcedure.input(z.object({ id: idSchema })).query(({ input }) => ({ data: find(input.id) })),
    getMany: recordedProcedure
      .input(z.object({ ids: z.array(idSchema) }))
      .query(({ input }) => ({ data: rows().filter((row) => input.ids.includes(row.id)) })),
    getManyReference: recordedProcedure
      .input(listInput.extend({ target: z.string(), id: idSchema }))
      .query(({ input }) =>
        page(rows(), { ...input, filter: { ...input.filter, [input.target]: input.id } }, opts.searchFields),
      ),
    create: recordedProcedure.input(z.object({ data: schema })).mutation(({ input }) => {
      const data = input.data as Record<string, unknown>;
      checkUnique(data);
      const id = Math.max(0, ...rows().map((row) => row.id)) + 1;
      const row: Row = { ...opts.defaults, ...data, id, version: 1 };
      rows().push(row);
      return { data: row };
    }),
    update: recordedProcedure
      .input(z.object({ id: idSchema, data: partial, version: z.number().int() }))
      .mutation(({ input }) => {
        const row = find(input.id);
        if (row.version !== input.version) conflict();
        const data = input.data as Record<string, unknown>;
        checkUnique(data, row.id);
        Object.assign(row, data, { version: row.version + 1 });
        return { data: row };
      }),
    updateMany: recordedProcedure
      .input(z.object({ ids: z.array(idSchema), versions: z.array(z.number().int()), data: partial }))
      .mutation(({ input }) => {
        input.ids.forEach((id, i) => find(id).version !== input.versions[i] && conflict());
        for (const id of input.ids) Object.assign(find(id), input.data, { version: find(id).version + 1 });
        return { data: input.ids };
      }),
    delete: recordedProcedure
      .input(z.object({ id: idSchema, version: z.number().int() }))
      .mutation(({ input }) => {
        const row = find(input.id);
        if (row.version !== input.version) conflict();
        db[table] = rows().filter((r) => r !== row);
        return { data: row };
      }),
    deleteMany: recordedProcedure.input(z.object({ ids: z.array(idSchema), versions: z.array(z.number().int()) })).mutation(({ input }) => {
      input.ids.forEach((id, i) => find(id).version !== input.versions[i] && conflict());
      db[table] = rows().filter((row) => !input.ids.includes(row.id));
      return { data: input.ids };
    }),
  });
}

const appRouter = t.router({
  posts: resourceRouter(
    "posts",
    z.object({
      title: z.string().min(1),
      body: z.string().optional(),
      status: z.enum(["draft", "published"]).optional(),
      views: z.number().int().optional(),
      meta: z.object({ slug: z.string().regex(/^[a-z0-9-]+$/) }),
    }),
    { searchFields: ["title", "body"], uniqueField: "title", defaults: { body: "", status: "draft", views: 0 } },
  ),
  comments: resourceRouter("comments", z.object({ postId: idSchema, body: z.string().min(1) }), {
    searchFields: ["body"],
  }),
  plugins: t.router({
    demo: t.router({
      items: resourceRouter("items", z.object({ name: z.string().min(1) }), { searchFields: ["name"] }),
    }),
  }),
});
type AppRouter = typeof appRouter;

let server: Server;
let url: string;

beforeAll(async () => {
  server = createHTTPServer({ router: appRouter });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(seed);

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

let locale: Locale = "vi";
beforeEach(() => {
  locale = "vi";
});

function makeProvider(options: Parameters<typeof trpcDataProvider>[1] = {}) {
  const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url })] });
  return trpcDataProvider(client, { locale: () => locale, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    return error as HttpError;
  }
  throw new Error("expected the call to fail");
}

// ---------------------------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------------------------

describe("getList", () => {
  it("sends pagination, sort and filter to <resource>.list and returns { data, total }", async () => {
    const dataProvider = makeProvider();
    const params = {
      pagination: { page: 1, perPage: 2 },
      sort: { field: "views", order: "DESC" as const },
      filter: { status: "published" },
    };
    const result = await dataProvider.getList("posts", params);
    expect(result.total).toBe(2);
    expect(result.data.map((post) => post.id)).toEqual([3, 1]);
    expect(lastInput("posts.list")).toEqual(params);
  });

  it("pages through a sorted list", async () => {
    const dataProvider = makeProvider();
    const second = await dataProvider.getList("posts", {
      pagination: { page: 2, perPage: 3 },
      sort: { field: "id", order: "ASC" },
      filter: {},
    });
    expect(second).toEqual({ data: [expect.objectContaining({ id: 4 })], total: 4 });
  });

  it("passes q (diacritic-insensitive on the server) and 'any of' list filters", async () => {
    const dataProvider = makeProvider();
    const q = await dataProvider.getList("posts", {
      pagination: { page: 1, perPage: 10 },
      sort: { field: "id", order: "ASC" },
      filter: { q: "lang son" },
    });
    expect(q.data.map((post) => post.title)).toEqual(["Trường học Lạng Sơn"]);
    const anyOf = await dataProvider.getList("posts", {
      pagination: { page: 1, perPage: 10 },
      sort: { field: "id", order: "ASC" },
      filter: { id: [2, 4] },
    });
    expect(anyOf.data.map((post) => post.id)).toEqual([2, 4]);
  });

  it("leaves out what react-admin left out", async () => {
    const dataProvider = makeProvider();
    const result = await dataProvider.getList("posts", {});
    expect(result.total).toBe(4);
    expect(lastInput("posts.list")).toEqual({});
  });
});

describe("getOne / getMany / getManyReference", () => {
  it("getOne calls <resource>.getOne with { id }", async () => {
    const { data } = await makeProvider().getOne("posts", { id: 2 });
    expect(data).toMatchObject({ id: 2, version: 1, title: "Hà Giang schools" });
    expect(lastInput("posts.getOne")).toEqual({ id: 2 });
  });

  it("getOne of a missing record throws HttpError 404 with the localized message", async () => {
    const error = await rejection(makeProvider().getOne("posts", { id: 99 }));
    expect(error.status).toBe(404);
    expect(error.message).toBe("Không tìm thấy bản ghi 99");
    expect(error.body).toMatchObject({ code: "NOT_FOUND", reason: "notFound" });
    expect(error.body.errors).toBeUndefined();
  });

  it("getMany calls <resource>.getMany with { ids }", async () => {
    const { data } = await makeProvider().getMany("posts", { ids: [1, 3] });
    expect(data.map((post) => post.id)).toEqual([1, 3]);
    expect(lastInput("posts.getMany")).toEqual({ ids: [1, 3] });
  });

  it("getManyReference sends target and id, and only the referencing records come back", async () => {
    const params = {
      target: "postId",
      id: 1,
      pagination: { page: 1, perPage: 2 },
      sort: { field: "body", order: "ASC" as const },
      filter: {},
    };
    const result = await makeProvider().getManyReference("comments", params);
    expect(result.total).toBe(3);
    expect(result.data.map((comment) => comment.body)).toEqual(["first", "fourth"]);
    expect(result.data.every((comment) => comment.postId === 1)).toBe(true);
    expect(lastInput("comments.getManyReference")).toEqual(params);
  });

  it("getManyReference combines target with other filters", async () => {
    const result = await makeProvider().getManyReference("comments", {
      target: "postId",
      id: 1,
      pagination: { page: 1, perPage: 10 },
      sort: { field: "id", order: "ASC" },
      filter: { q: "SEC" },
    });
    expect(result).toEqual({ data: [expect.objectContaining({ id: 2 })], total: 1 });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------------------------

describe("create", () => {
  it("calls <resource>.create with { data } stripped of id and version", async () => {
    const { data } = await makeProvider().create("posts", {
      data: { id: 77, version: 9, title: "Điện Biên", meta: { slug: "dien-bien" } },
    });
    expect(data).toMatchObject({ id: 5, version: 1, title: "Điện Biên", status: "draft" });
    expect(lastInput("posts.create")).toEqual({ data: { title: "Điện Biên", meta: { slug: "dien-bien" } } });
  });
});

describe("update", () => {
  it("sends only the changed fields and previousData.version", async () => {
    const dataProvider = makeProvider();
    const { data: previousData } = await dataProvider.getOne("posts", { id: 3 });
    const { data } = await dataProvider.update("posts", {
      id: 3,
      data: { ...previousData, title: "Cao Bằng geopark", meta: { slug: "cao-bang" } },
      previousData,
    });
    expect(data).toMatchObject({ id: 3, version: 5, title: "Cao Bằng geopark", body: "Địa chất" });
    expect(lastInput("posts.update")).toEqual({ id: 3, data: { title: "Cao Bằng geopark" }, version: 4 });
  });

  it("sends the whole data and data.version when there is no previousData", async () => {
    const { data } = await makeProvider().update("posts", {
      id: 2,
      data: { id: 2, version: 1, title: "Hà Giang", views: 31 },
      previousData: undefined as never,
    });
    expect(data).toMatchObject({ id: 2, version: 2, title: "Hà Giang", views: 31 });
    expect(lastInput("posts.update")).toEqual({ id: 2, data: { title: "Hà Giang", views: 31 }, version: 1 });
  });

  it("prefers previousData.version over data.version", async () => {
    const dataProvider = makeProvider();
    const { data: previousData } = await dataProvider.getOne("posts", { id: 3 });
    await dataProvider.update("posts", { id: 3, data: { ...previousData, version: 1, views: 21 }, previousData });
    expect(lastInput("posts.update")).toEqual({ id: 3, data: { views: 21 }, version: 4 });
  });

  it("a stale version throws HttpError 409 with the localized conflict message, and nothing is written", async () => {
    const dataProvider = makeProvider();
    const { data: previousData } = await dataProvider.getOne("posts", { id: 1 });
    // Someone else saves first.
    await dataProvider.update("posts", { id: 1, data: { ...previousData, views: 11 }, previousData });

    const error = await rejection(
      dataProvider.update("posts", { id: 1, data: { ...previousData, title: "Mine" }, previousData }),
    );
    expect(error.status).toBe(409);
    expect(error.message).toBe("Bản ghi này đã được người khác thay đổi");
    expect(error.body).toMatchObject({
      code: "CONFLICT",
      reason: "conflict",
      message: "Bản ghi này đã được người khác thay đổi",
      details: { message: { en: "This record was changed by someone else" } },
    });
    expect(error.body.errors).toBeUndefined();
    expect(db.posts.find((post) => post.id === 1)).toMatchObject({ title: "Trường học Lạng Sơn", version: 2 });

    locale = "en";
    const english = await rejection(
      dataProvider.update("posts", { id: 1, data: { ...previousData, title: "Mine" }, previousData }),
    );
    expect(english.status).toBe(409);
    expect(english.message).toBe("This record was changed by someone else");
  });
});

describe("updateMany", () => {
  it("calls <resource>.updateMany with { ids, versions, data } (the records' current versions) and returns the ids", async () => {
    const result = await makeProvider().updateMany("posts", {
      ids: [2, 4],
      data: { id: 1, version: 3, status: "published" },
    });
    expect(result).toEqual({ data: [2, 4] });
    const versions = [2, 4].map((id) => db.posts.find((p) => p.id === id)!.version - 1);
    expect(lastInput("posts.updateMany")).toEqual({ ids: [2, 4], versions, data: { status: "published" } });
    expect(db.posts.filter((post) => post.status === "published").map((post) => post.id)).toEqual([1, 2, 3, 4]);
  });
});

describe("delete / deleteMany", () => {
  it("delete sends previousData.version and returns the deleted record", async () => {
    const dataProvider = makeProvider();
    const { data: previousData } = await dataProvider.getOne("posts", { id: 3 });
    const { data } = await dataProvider.delete("posts", { id: 3, previousData });
    expect(data).toMatchObject({ id: 3, title: "Cao Bằng" });
    expect(lastInput("posts.delete")).toEqual({ id: 3, version: 4 });
    expect(db.posts.map((post) => post.id)).toEqual([1, 2, 4]);
  });

  it("delete with a stale version throws HttpError 409 and keeps the record", async () => {
    const error = await rejection(
      makeProvider().delete("posts", { id: 3, previousData: { id: 3, version: 2 } }),
    );
    expect(error.status).toBe(409);
    expect(error.message).toBe("Bản ghi này đã được người khác thay đổi");
    expect(db.posts.map((post) => post.id)).toEqual([1, 2, 3, 4]);
  });

  it("delete without previousData sends the record's current version", async () => {
    const version = db.comments.find((c) => c.id === 2)!.version;
    await makeProvider().delete("comments", { id: 2 });
    expect(lastInput("comments.delete")).toEqual({ id: 2, version });
    expect(db.comments.map((comment) => comment.id)).toEqual([1, 3, 4]);
  });

  it("deleteMany calls <resource>.deleteMany with { ids, versions } and returns the ids", async () => {
    const versions = [1, 4].map((id) => db.comments.find((c) => c.id === id)!.version);
    const result = await makeProvider().deleteMany("comments", { ids: [1, 4] });
    expect(result).toEqual({ data: [1, 4] });
    expect(lastInput("comments.deleteMany")).toEqual({ ids: [1, 4], versions });
    expect(db.comments.map((comment) => comment.id)).toEqual([2, 3]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Validation errors → react-admin server-side validation
// ---------------------------------------------------------------------------------------------------------------

describe("validation errors", () => {
  it("BAD_REQUEST becomes HttpError 400 with body.errors keyed by field, nested paths as nested objects", async () => {
    const error = await rejection(
      makeProvider().create("posts", { data: { title: "", meta: { slug: "Not A Slug!" } } }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toBe("Dữ liệu không hợp lệ");
    expect(error.body.code).toBe("BAD_REQUEST");
    expect(error.body.reason).toBe("validation");
    expect(error.body.errors).toEqual({
      title: "Không được để trống",
      meta: { slug: "Sai định dạng" },
      root: { serverError: "Dữ liệu không hợp lệ" },
    });
  });

  it("messages follow the locale, read again for each error", async () => {
    let reads = 0;
    const dataProvider = makeProvider({
      locale: () => {
        reads += 1;
        return locale;
      },
    });
    await dataProvider.getList("posts", {});
    expect(reads).toBe(0);

    locale = "en";
    const english = await rejection(dataProvider.create("posts", { data: { title: "", meta: { slug: "x y" } } }));
    expect(english.message).toBe("Invalid data");
    expect(english.body.errors).toEqual({
      title: "Must not be empty",
      meta: { slug: "Invalid format" },
      root: { serverError: "Invalid data" },
    });

    locale = "vi";
    const vietnamese = await rejection(dataProvider.create("posts", { data: { title: "" } }));
    expect(vietnamese.body.errors.title).toBe("Không được để trống");
    expect(reads).toBe(2);
  });

  it("a domain validation error with a path relative to data maps to that field", async () => {
    const dataProvider = makeProvider();
    const { data: previousData } = await dataProvider.getOne("posts", { id: 2 });
    const error = await rejection(
      dataProvider.update("posts", { id: 2, data: { ...previousData, title: "Cao Bằng" }, previousData }),
    );
    expect(error.status).toBe(400);
    expect(error.body.errors).toEqual({ title: "Đã tồn tại", root: { serverError: "Dữ liệu không hợp lệ" } });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// resourcePath and clients
// ---------------------------------------------------------------------------------------------------------------

describe("resourcePath", () => {
  const pluginPath = (resource: string) => {
    const [plugin, name] = resource.split("/");
    return name === undefined ? resource : `plugins.${plugin}.${name}`;
  };

  it("maps a resource name to a nested router (plugins.demo.items)", async () => {
    const dataProvider = makeProvider({ resourcePath: pluginPath });
    const list = await dataProvider.getList("demo/items", {
      pagination: { page: 1, perPage: 10 },
      sort: { field: "name", order: "ASC" },
      filter: { q: "hoa thach" },
    });
    expect(list).toEqual({ data: [expect.objectContaining({ id: 2, name: "Hoá thạch" })], total: 1 });

    const { data: created } = await dataProvider.create("demo/items", { data: { name: "Thạch anh" } });
    const { data: updated } = await dataProvider.update("demo/items", {
      id: created.id,
      data: { ...created, name: "Thạch anh tím" },
      previousData: created,
    });
    expect(updated).toMatchObject({ id: 3, version: 2, name: "Thạch anh tím" });
    await dataProvider.delete("demo/items", { id: 1, previousData: { id: 1, version: 1 } });
    expect(db.items.map((item) => item.name)).toEqual(["Hoá thạch", "Thạch anh tím"]);
    expect(calls.map((call) => call.path)).toEqual([
      "plugins.demo.items.list",
      "plugins.demo.items.create",
      "plugins.demo.items.update",
      "plugins.demo.items.delete",
    ]);
    // Resources without a slash keep the identity mapping.
    await dataProvider.getOne("posts", { id: 1 });
    expect(calls.at(-1)?.path).toBe("posts.getOne");
  });
});

describe("clients", () => {
  it("accepts createTRPCClient<AnyRouter>, createTRPCUntypedClient and a minimal { query, mutation } object", async () => {
    const anyRouterClient = createTRPCClient<AnyRouter>({ links: [httpBatchLink({ url })] });
    const untyped = createTRPCUntypedClient<AnyRouter>({ links: [httpLink({ url })] });
    const minimal: TrpcCaller = {
      query: (path, input) => untyped.query(path, input),
      mutation: (path, input) => untyped.mutation(path, input),
    };
    for (const client of [anyRouterClient, untyped, minimal]) {
      const { data } = await trpcDataProvider(client).getOne("posts", { id: 4 });
      expect(data).toMatchObject({ id: 4, title: "Bắc Kạn" });
    }
  });

  it("batches concurrent calls through httpBatchLink", async () => {
    const dataProvider = makeProvider();
    const [one, many] = await Promise.all([
      dataProvider.getOne("posts", { id: 1 }),
      dataProvider.getMany("comments", { ids: [3] }),
    ]);
    expect(one.data.id).toBe(1);
    expect(many.data).toEqual([expect.objectContaining({ id: 3, postId: 2 })]);
  });

  it("rejects something that is not a client", () => {
    expect(() => trpcDataProvider({} as TrpcCaller)).toThrow(TypeError);
  });

  it("a request that gets no answer becomes HttpError 500", async () => {
    // A port that was just free: nothing listens there any more.
    const probe = createHTTPServer({ router: appRouter });
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const client = createTRPCClient<AnyRouter>({ links: [httpLink({ url: `http://127.0.0.1:${port}` })] });
    const error = await rejection(trpcDataProvider(client).getOne("posts", { id: 1 }));
    expect(error.status).toBe(500);
    expect(error.body.code).toBeNull();
  });

  it("a call aborted through its signal rejects with the abort, not an HttpError", async () => {
    const controller = new AbortController();
    controller.abort();
    const promise = makeProvider().getList("posts", { signal: controller.signal });
    await expect(promise).rejects.toThrow();
    await promise.catch((error: unknown) => expect(error).not.toBeInstanceOf(HttpError));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The error mapping on its own
// ---------------------------------------------------------------------------------------------------------------

describe("toHttpError", () => {
  const clientError = (code: string, eduplan?: ErrorDetails) =>
    TRPCClientError.from({ error: { code: -32000, message: `raw ${code}`, data: { code, eduplan } } });

  it.each([
    ["BAD_REQUEST", 400],
    ["UNAUTHORIZED", 401],
    ["FORBIDDEN", 403],
    ["NOT_FOUND", 404],
    ["CONFLICT", 409],
    ["INTERNAL_SERVER_ERROR", 500],
    ["TOO_MANY_REQUESTS", 500],
  ])("maps %s to %i", (code, status) => {
    const error = toHttpError(clientError(code), "vi") as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(status);
    expect(error.message).toBe(`raw ${code}`);
  });

  it("covers exactly the documented codes", () => {
    expect(STATUS_BY_TRPC_CODE).toEqual({ BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 });
  });

  it("falls back to the other language, then to the error's message", () => {
    const onlyEn = toHttpError(clientError("FORBIDDEN", { reason: "forbidden", message: { en: "Not yours" } }), "vi");
    expect((onlyEn as HttpError).message).toBe("Not yours");
    const none = toHttpError(clientError("FORBIDDEN", { reason: "forbidden" }), "en");
    expect((none as HttpError).message).toBe("raw FORBIDDEN");
  });

  it("passes through errors that are not tRPC client errors", () => {
    const bug = new TypeError("x is undefined");
    expect(toHttpError(bug, "vi")).toBe(bug);
  });
});

describe("toFormErrors", () => {
  it("nests dotted and bracketed paths, drops a leading data segment, joins duplicates", () => {
    expect(fieldPathSegments("data.items[0].name")).toEqual(["items", "0", "name"]);
    expect(
      toFormErrors(
        [
          { path: "data.value", message: { vi: "Sai giá trị", en: "Wrong value" } },
          { path: "a.b.c", message: { vi: "một", en: "one" } },
          { path: "a.b.d", message: { vi: "hai", en: "two" } },
          { path: "value", message: { vi: "Quá lớn", en: "Too big" } },
          { path: "items[1].name", message: { vi: "Thiếu tên", en: "Name missing" } },
        ],
        "en",
      ),
    ).toEqual({
      value: "Wrong value; Too big",
      a: { b: { c: "one", d: "two" } },
      items: { 1: { name: "Name missing" } },
    });
  });

  it("keeps a path flat when its parent already has a message, and ignores unsafe keys", () => {
    const errors = toFormErrors(
      [
        { path: "a", message: { vi: "A" } },
        { path: "a.b", message: { vi: "B" } },
        { path: "__proto__.polluted", message: { vi: "x" } },
      ],
      "vi",
    );
    expect(errors).toEqual({ a: "A", "a.b": "B" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("diffData", () => {
  it("keeps only changed top-level fields, comparing objects, arrays and dates by value", () => {
    const previous = { a: 1, b: { c: [1, 2] }, d: new Date(0), e: "x" };
    expect(diffData({ a: 1, b: { c: [1, 2] }, d: new Date(0), e: "y", f: null }, previous)).toEqual({ e: "y", f: null });
    expect(diffData({ b: { c: [1, 3] } }, previous)).toEqual({ b: { c: [1, 3] } });
  });
});
