/**
 * `reporting.*` — the reporting cycle on top of `@eduplan/reporting`, authorised like everything else (role, then the
 * user's area; viewers read only):
 *
 * - `consolidate({ localityId, year, today? })` the locality's targets with the rollup of its units' approved figures,
 *   and every reporting unit's status (missing, late, returned…);
 * - `template({ localityId, year })` the prefilled Excel template of a unit → `{ filename, contentType, base64 }`;
 * - `importWorkbook({ base64, progressId? })` a filled template back, as the user (validated whole; nothing written
 *   on any row error: `{ ok: false, errors }` with bilingual, located messages); `importProgress({ progressId })`
 *   the server-side progress of that import, for the console's progress bar;
 * - `annualReport({ localityId, year, format: "docx" | "xlsx", reportDate? })` the printable annual report;
 *   `annualReportSignature({ localityId, year })` / `saveAnnualReportSignature({ localityId, year, issuer, signingForm,
 *   signerName, signerTitle, draftingUnit })` who issues and signs it, kept per report and used when a request names none;
 * - `exportList({ resource, filter?, sort?, ids?, columns?, title? })` any list the console shows, as XLSX, through
 *   the resource's own policy and scope;
 * - `reportSettings({ localityId })` / `updateReportSettings({ localityId, reportDeadline, applyToOpenPeriods? })`
 *   the province's reporting deadline ("MM-DD", 10/12 by default) used for new periods.
 */
import { z } from "zod";
import { and, desc, eq, getTableColumns, gte } from "drizzle-orm";
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { RESOURCES, annualReportSignatureOf, fieldError, first, getRecord, getRecords, inArray, listRecords, saveAnnualReportSignature, schema as s, setReportDeadline, transaction, updateRecord, validation, withinOrAboveCondition, type ResourceDefinition, type Row } from "@eduplan/db";
import { deadlineSettingOf } from "@eduplan/cycle";
import { MonthDaySchema, YearSchema, IsoDateSchema } from "@eduplan/domain";
import {
  REPORT_STATUS_VI,
  ISSUER_KINDS,
  SIGNING_FORMS,
  buildAnnualReportDocx,
  buildAnnualReportXlsx,
  consolidate,
  exportList,
  exportReportTemplate,
  importReportWorkbook,
  importFiguresFile,
  figuresTemplate,
  type FiguresImportResult,
  type ImportResult,
  type ListColumn,
} from "@eduplan/reporting";
import type { SessionUser } from "../auth/session.js";
import type { Context } from "../context.js";
import { apiError, forbidden } from "../errors.js";
import { FilterInput, IdInput, SortInput } from "../inputs.js";
import { isoToday } from "../report-grid.js";
import { principalOf } from "../scope.js";
import { authedProcedure, router } from "../trpc.js";
import { REFERENCE_DEFINITIONS } from "./reference.js";
import { requireRole } from "./resource.js";

type Authed = Context & { user: SessionUser };

export type FileResult = { filename: string; contentType: string; base64: string };

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const file = (filename: string, contentType: string, buffer: Buffer): FileResult => ({ filename, contentType, base64: buffer.toString("base64") });

/** A locality the user may read (else NOT_FOUND / FORBIDDEN). */
function readableLocality(ctx: Authed, id: number): Promise<Row> {
  return getRecord(ctx.db, RESOURCES.localities, id, principalOf(ctx.user));
}

const UnitYear = z.object({ localityId: IdInput, year: YearSchema });

// ---------------------------------------------------------------------------------------------------------------
// Import progress: per user and progress id, in memory (one process), forgotten after 10 minutes.

type Progress = { fraction: number; done: boolean; ok: boolean | null; at: number };
const progressStore = new Map<string, Progress>();
const PROGRESS_TTL_MS = 10 * 60_000;
const ProgressId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/);

function progressKey(user: SessionUser, id: string) {
  return `${user.id}:${id}`;
}
function setProgress(key: string, p: Omit<Progress, "at">) {
  const now = Date.now();
  progressStore.set(key, { ...p, at: now });
  for (const [k, v] of progressStore) if (now - v.at > PROGRESS_TTL_MS) progressStore.delete(k);
}

// ---------------------------------------------------------------------------------------------------------------
// List export

const EXPORTABLE: Record<string, ResourceDefinition> = { ...RESOURCES, ...REFERENCE_DEFINITIONS };

/** Default Vietnamese headers of common fields (the console passes its own, translated, columns). */
const HEADER_VI: Record<string, string> = {
  id: "Mã số",
  code: "Mã",
  officialCode: "Mã đơn vị hành chính",
  nameVi: "Tên",
  nameEn: "Tên tiếng Anh",
  titleVi: "Tên",
  titleEn: "Tên tiếng Anh",
  shortName: "Tên viết tắt",
  number: "Số hiệu",
  documentKind: "Loại văn bản",
  issuedOn: "Ngày ban hành",
  issuingBodyVi: "Cơ quan ban hành",
  signerName: "Người ký",
  status: "Trạng thái",
  levelCode: "Cấp",
  kind: "Loại",
  parentId: "Thuộc",
  localityId: "Địa bàn",
  agencyId: "Cơ quan",
  planId: "Kế hoạch",
  parentPlanId: "Kế hoạch cấp trên",
  indicatorId: "Chỉ tiêu",
  targetId: "Mục tiêu",
  periodId: "Kỳ báo cáo",
  reportId: "Báo cáo",
  year: "Năm",
  value: "Giá trị",
  valueMax: "Giá trị tối đa",
  numerator: "Tử số",
  denominator: "Mẫu số",
  comparator: "So sánh",
  targetYear: "Năm đạt",
  unit: "Đơn vị tính",
  deadline: "Hạn",
  isClosed: "Đã khóa sổ",
  returnReason: "Lý do trả lại",
  submittedAt: "Ngày gửi",
  submittedBy: "Người gửi",
  decidedAt: "Ngày duyệt / trả lại",
  decidedBy: "Người duyệt / trả lại",
  commentVi: "Ghi chú",
  noteVi: "Ghi chú",
  username: "Tên đăng nhập",
  displayName: "Họ tên",
  role: "Vai trò",
  isActive: "Đang hoạt động",
  validFrom: "Hiệu lực từ",
  validTo: "Hiệu lực đến",
  periodStart: "Từ năm",
  periodEnd: "Đến năm",
  population: "Dân số",
  createdAt: "Ngày tạo",
  updatedAt: "Ngày sửa",
  entity: "Đối tượng",
  entityId: "Mã đối tượng",
  action: "Thao tác",
  at: "Thời điểm",
};

const NOT_EXPORTED = new Set(["searchText", "passwordHash", "version"]);

/** The label of a referenced record, for the columns that are foreign keys (an id means nothing in a spreadsheet). */
const LABEL_FIELDS = ["number", "nameVi", "titleVi", "displayName", "username", "code"];

async function referenceLabels(ctx: Authed, def: ResourceDefinition, rows: Row[], keys: string[]): Promise<Map<string, Map<number, string>>> {
  const out = new Map<string, Map<number, string>>();
  const columns = Object.entries(getTableColumns(def.table)) as [string, SQLiteColumn][];
  for (const fk of getTableConfig(def.table).foreignKeys) {
    const ref = fk.reference();
    if (ref.columns.length !== 1) continue;
    const field = columns.find(([, c]) => c === ref.columns[0])?.[0];
    if (!field || !keys.includes(field)) continue;
    const target = ref.foreignTable as SQLiteTable;
    const targetColumns = getTableColumns(target) as Record<string, SQLiteColumn>;
    const labelField = LABEL_FIELDS.find((f) => f in targetColumns);
    const idColumn = ref.foreignColumns[0]!;
    if (!labelField) continue;
    const ids = [...new Set(rows.map((r) => r[field]).filter((v): v is number => typeof v === "number"))];
    if (!ids.length) continue;
    const labels = new Map<number, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      for (const r of (await ctx.db.select({ id: idColumn, label: targetColumns[labelField]!, name: (targetColumns.nameVi ?? targetColumns.titleVi ?? targetColumns[labelField])! }).from(target).where(inArray(idColumn, chunk))) as {
        id: number;
        label: string | null;
        name: string | null;
      }[])
        labels.set(r.id, labelField === "number" && r.name && r.label ? `${r.label} — ${r.name}` : String(r.label ?? r.name ?? r.id));
    }
    out.set(field, labels);
  }
  return out;
}

const ExportListInput = z.object({
  resource: z.string().min(1).max(64),
  filter: FilterInput.optional(),
  sort: SortInput.optional(),
  /** Exactly these records, in this order (what the console's list shows); any outside the user's area → FORBIDDEN. */
  ids: z.array(IdInput).max(5000).optional(),
  /** Columns and their headers (the console sends its translated field labels); default: every field, Vietnamese headers. */
  columns: z
    .array(
      z.object({
        key: z.string().min(1).max(100),
        header: z.string().min(1).max(200),
        /** Labels of the column's coded values in the user's language (the console sends its translations). */
        labels: z.record(z.string().max(100), z.string().max(300)).optional(),
      }),
    )
    .min(1)
    .max(200)
    .optional(),
  title: z.string().max(300).optional(),
  /** The user's language, for texts the export writes itself (timings, yes/no). */
  locale: z.enum(["vi", "en"]).optional(),
});

const MAX_EXPORT_ROWS = 20_000;

async function exportResourceList(ctx: Authed, input: z.infer<typeof ExportListInput>): Promise<FileResult & { total: number }> {
  const def = Object.hasOwn(EXPORTABLE, input.resource) ? EXPORTABLE[input.resource] : undefined;
  if (!def)
    throw validation([fieldError("resource", `unknown resource '${input.resource}'`, `Danh mục “${input.resource}” không tồn tại`)]);
  const principal = principalOf(ctx.user);
  const filter: Record<string, unknown> = { ...(input.filter ?? {}) };
  if (input.ids) {
    // As getMany: asking for a record outside one's area is refused, not silently left out.
    await getRecords(ctx.db, def, input.ids, principal);
    filter.id = [...new Set(input.ids)];
  }
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const { data, total } = await listRecords(ctx.db, def, { filter, sort: input.sort, pagination: { page, perPage: 5000 } }, principal);
    rows.push(...data);
    if (rows.length >= total || !data.length || rows.length >= MAX_EXPORT_ROWS) break;
  }
  if (input.ids) {
    const order = new Map(input.ids.map((id, i) => [id, i]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }
  const keys = input.columns?.map((c) => c.key) ?? [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !NOT_EXPORTED.has(k));
  const columns: ListColumn[] = input.columns ?? keys.map((key) => ({ key, header: HEADER_VI[key] ?? key }));
  // Foreign keys become the referenced record's name; report statuses their Vietnamese label.
  const labels = await referenceLabels(ctx, def, rows, keys.filter((k) => k !== "id"));
  const shown = rows.map((r) => {
    const out: Record<string, unknown> = { ...r };
    for (const [field, map] of labels) if (typeof r[field] === "number") out[field] = map.get(r[field] as number) ?? r[field];
    if (input.resource === "reports" && typeof r.status === "string") out.status = REPORT_STATUS_VI[r.status as keyof typeof REPORT_STATUS_VI] ?? r.status;
    return out;
  });
  const title = input.title ?? `Danh sách ${def.entityVi}`;
  // Built off the event loop (ctx.services.jobs: the server's worker pool).
  const listOptions = { sheetName: def.entityVi.slice(0, 31), locale: input.locale };
  const buffer = await ctx.services.jobs.run({ kind: "listExport", userId: ctx.user.id, input: { rows: shown, columns, title, options: listOptions } }, () =>
    exportList(shown, columns, title, listOptions),
  );
  return { ...file(`${input.resource}-${isoToday()}.xlsx`, XLSX, buffer), total: rows.length };
}

// ---------------------------------------------------------------------------------------------------------------

const provinceWriter = requireRole(RESOURCES.reportingPeriods, "write");
const importer = requireRole(RESOURCES.reportValues, "write");

async function settingsOf(ctx: Authed, localityId: number) {
  const own = await first(ctx.db.select().from(s.localitySettings).where(eq(s.localitySettings.localityId, localityId)));
  const applied = await deadlineSettingOf(ctx.db, localityId);
  return { localityId, reportDeadline: applied.reportDeadline, inheritedFrom: own ? null : applied.fromLocalityId, isDefault: applied.fromLocalityId === null };
}

export const reportingRouter = router({
  consolidate: authedProcedure.input(UnitYear.extend({ today: IsoDateSchema.optional() })).query(async ({ ctx, input }) => {
    await readableLocality(ctx, input.localityId);
    return consolidate(ctx.db, { localityId: input.localityId, year: input.year, today: input.today });
  }),

  template: authedProcedure.input(UnitYear).query(async ({ ctx, input }): Promise<FileResult> => {
    const unit = await readableLocality(ctx, input.localityId);
    const buffer = await ctx.services.jobs.run({ kind: "reportTemplate", userId: ctx.user.id, input }, () => exportReportTemplate(ctx.db, input));
    return file(`bao-cao-${String(unit.code)}-${input.year}.xlsx`, XLSX, buffer);
  }),

  importWorkbook: importer
    .input(z.object({ base64: z.string().min(1).max(30_000_000), progressId: ProgressId.optional() }))
    .mutation(async ({ ctx, input }): Promise<ImportResult> => {
      const key = input.progressId ? progressKey(ctx.user, input.progressId) : null;
      if (key) setProgress(key, { fraction: 0, done: false, ok: null });
      try {
        const actor = principalOf(ctx.user);
        const onProgress = (fraction: number) => {
          if (key) setProgress(key, { fraction, done: false, ok: null });
        };
        // Checked (zip-bomb limits), parsed and written off the event loop (ctx.services.jobs: the server's worker pool).
        const result = await ctx.services.jobs.run({ kind: "importWorkbook", userId: ctx.user.id, input: { base64: input.base64, actor }, onProgress }, () =>
          importReportWorkbook(ctx.db, Buffer.from(input.base64, "base64"), { actor, onProgress }),
        );
        if (key) setProgress(key, { fraction: 1, done: true, ok: result.ok });
        return result;
      } catch (e) {
        if (key) setProgress(key, { fraction: 1, done: true, ok: false });
        throw e;
      }
    }),

  /** A bulk figures file (CSV or XLSX, the template of `figuresTemplate`): many units × indicators × years, whole or nothing. */
  importFigures: requireRole(RESOURCES.indicatorValues, "write")
    .input(z.object({ fileName: z.string().trim().min(1).max(255).regex(/\.(csv|xlsx)$/i), base64: z.string().min(1).max(30_000_000) }))
    .mutation(async ({ ctx, input }): Promise<FiguresImportResult> => {
      const actor = principalOf(ctx.user);
      return ctx.services.jobs.run({ kind: "importFigures", userId: ctx.user.id, input: { ...input, actor } }, () =>
        importFiguresFile(ctx.db, Buffer.from(input.base64, "base64"), input.fileName, actor),
      );
    }),

  /** The XLSX template of a bulk figures file. */
  figuresTemplate: requireRole(RESOURCES.indicatorValues, "write").query(async (): Promise<FileResult> => file("mau-so-lieu.xlsx", XLSX, await figuresTemplate())),

  importProgress: importer.input(z.object({ progressId: ProgressId })).query(({ ctx, input }) => {
    const p = progressStore.get(progressKey(ctx.user, input.progressId));
    if (!p) throw apiError("NOT_FOUND", "notFound", "No import with this progress id (yet).", "Chưa có lượt nhập nào với mã tiến độ này.");
    return { fraction: p.fraction, done: p.done, ok: p.ok };
  }),

  annualReport: authedProcedure
    .input(
      UnitYear.extend({
        format: z.enum(["docx", "xlsx"]),
        reportDate: IsoDateSchema.optional(),
        today: IsoDateSchema.optional(),
        // Who issues and signs (Nghị định 30/2020): Sở or UBND, TM./KT./Q./TL., the signer, the drafting unit.
        issuer: z.enum(ISSUER_KINDS).optional(),
        signingForm: z.enum(SIGNING_FORMS).optional(),
        signerName: z.string().trim().max(120).optional(),
        signerTitle: z.string().trim().max(120).optional(),
        draftingUnit: z.string().trim().max(40).optional(),
      }),
    )
    .query(async ({ ctx, input }): Promise<FileResult> => {
      const locality = await readableLocality(ctx, input.localityId);
      // Without a choice in the request, the one kept for this report (`saveAnnualReportSignature`), if any.
      const chosen = input.issuer || input.signingForm || input.signerName || input.signerTitle || input.draftingUnit;
      const stored = chosen ? null : await annualReportSignatureOf(ctx.db, input.localityId, input.year, principalOf(ctx.user));
      const { issuer, signingForm, signerName, signerTitle, draftingUnit } = stored
        ? {
            issuer: stored.issuer as (typeof ISSUER_KINDS)[number],
            signingForm: (stored.signingForm ?? undefined) as (typeof SIGNING_FORMS)[number] | undefined,
            signerName: (stored.signerName as string | null) ?? undefined,
            signerTitle: (stored.signerTitle as string | null) ?? undefined,
            draftingUnit: (stored.draftingUnit as string | null) ?? undefined,
          }
        : input;
      const options = { localityId: input.localityId, year: input.year, reportDate: input.reportDate, today: input.today, issuer, signingForm, signerName, signerTitle, draftingUnit };
      const name = `bao-cao-nam-${input.year}-${String(locality.code)}`;
      return input.format === "docx"
        ? file(`${name}.docx`, DOCX, await ctx.services.jobs.run({ kind: "annualReportDocx", userId: ctx.user.id, input: options }, () => buildAnnualReportDocx(ctx.db, options)))
        : file(`${name}.xlsx`, XLSX, await ctx.services.jobs.run({ kind: "annualReportXlsx", userId: ctx.user.id, input: options }, () => buildAnnualReportXlsx(ctx.db, options)));
    }),

  /** Who issues and signs the annual report of a locality and year, as the officer last chose it (null: never chosen). */
  annualReportSignature: authedProcedure.input(UnitYear).query(async ({ ctx, input }) => {
    await readableLocality(ctx, input.localityId);
    return annualReportSignatureOf(ctx.db, input.localityId, input.year, principalOf(ctx.user));
  }),

  /**
   * Keep the officer's choice of issuer (Sở or UBND), signing form (TM./KT./Q./TL. or none), signer's name and title and
   * drafting unit for the annual report of a locality and year: validated (zod, lengths, TM. only for UBND), within the
   * user's area, audit-logged; used by `annualReport` when a request names none.
   */
  saveAnnualReportSignature: authedProcedure
    .input(UnitYear.catchall(z.unknown()))
    .mutation(async ({ ctx, input }) => {
      await readableLocality(ctx, input.localityId);
      const actor = principalOf(ctx.user);
      return transaction(ctx.db, (tx) => saveAnnualReportSignature(tx, input, actor));
    }),

  /** A mutation only because its input (up to 5000 ids) is too long for a URL; it writes nothing. */
  exportList: authedProcedure.input(ExportListInput).mutation(({ ctx, input }) => exportResourceList(ctx, input)),

  /**
   * The reporting periods that concern a locality (default: the user's own; administrators: all): those of the
   * locality, of its ancestors (a commune reports in its province's period, which lies above the commune's area) and
   * below it — with the name of the period's locality. For lists of reports (their year and deadline).
   */
  periods: authedProcedure.input(z.object({ localityId: IdInput.optional() }).optional()).query(async ({ ctx, input }) => {
    const localityId = input?.localityId ?? ctx.user.localityId;
    if (localityId !== null && localityId !== undefined) await readableLocality(ctx, localityId);
    else if (ctx.user.role !== "system_admin") throw forbidden("Your account has no locality.", "Tài khoản của bạn chưa được gắn với địa bàn nào.");
    const rows = await ctx.db
      .select({ id: s.reportingPeriods.id, localityId: s.reportingPeriods.localityId, localityNameVi: s.localities.nameVi, year: s.reportingPeriods.year, deadline: s.reportingPeriods.deadline, isClosed: s.reportingPeriods.isClosed })
      .from(s.reportingPeriods)
      .innerJoin(s.localities, eq(s.localities.id, s.reportingPeriods.localityId))
      .where(
        localityId === null || localityId === undefined
          ? undefined
          : withinOrAboveCondition(s.reportingPeriods.localityId, localityId),
      )
      .orderBy(desc(s.reportingPeriods.year), s.reportingPeriods.localityId);
    return { data: rows, total: rows.length };
  }),

  reportSettings: authedProcedure.input(z.object({ localityId: IdInput })).query(async ({ ctx, input }) => {
    await readableLocality(ctx, input.localityId);
    return settingsOf(ctx, input.localityId);
  }),

  updateReportSettings: provinceWriter
    .input(z.object({ localityId: IdInput, reportDeadline: MonthDaySchema, applyToOpenPeriods: z.boolean().optional() }))
    .mutation(async ({ ctx, input }) => {
      const actor = principalOf(ctx.user);
      const periodsUpdated = await transaction(ctx.db, async (tx) => {
        await setReportDeadline(tx, input.localityId, input.reportDeadline, actor);
        if (!input.applyToOpenPeriods) return 0;
        // Open periods of this year and later take the new deadline.
        const open = await tx
          .select()
          .from(s.reportingPeriods)
          .where(and(eq(s.reportingPeriods.localityId, input.localityId), eq(s.reportingPeriods.isClosed, false), gte(s.reportingPeriods.year, new Date().getFullYear())));
        for (const p of open) await updateRecord(tx, RESOURCES.reportingPeriods, p.id, { deadline: `${p.year}-${input.reportDeadline}` }, p.version, actor);
        return open.length;
      });
      return { ...(await settingsOf(ctx, input.localityId)), periodsUpdated };
    }),
});
