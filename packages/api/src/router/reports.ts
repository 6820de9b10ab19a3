/**
 * The reporting workflow, beside the CRUD procedures of `reports`:
 * - `reports.transition({ id, action, reason?, version? })` moves a report draft → submitted → approved (publishing
 *   its values as the unit's figures) or returned (with a reason), and reopens an approved one; who may do what is
 *   decided by the domain (`checkTransition`), within the user's area;
 * - `reports.forUnit({ localityId, year })` returns the unit's report of the year (created as a draft when missing,
 *   and the province's period of the year with it) with its data-entry grid;
 * - `reports.grid({ id })` the grid of a report (any reader in the area);
 * - `reports.saveValues({ id, version?, values })` saves the grid in one transaction (nothing written on any error).
 */
import { z } from "zod";
import { RESOURCES, CrudRepository, EduplanError, notFound, staleVersion, transitionReportInTx, schema as s, type Row } from "@eduplan/db";
import { REPORT_ACTIONS, VersionSchema, YearSchema } from "@eduplan/domain";
import { and, eq, isNull } from "drizzle-orm";
import { forbidden } from "../errors.js";
import { IdInput } from "../inputs.js";
import { mayRead, mayWrite } from "../policy.js";
import { ensurePeriod, reportGrid, saveGridInTx, type ReportGrid } from "../report-grid.js";
import { assertReadable, assertWritable } from "../scope.js";
import { authedProcedure, router } from "../trpc.js";

const reportWriter = authedProcedure.use(({ ctx, next }) => {
  if (!mayWrite(ctx.user, "reports")) throw forbidden(`Your role (${ctx.user.role}) may not change reports.`, "Vai trò của bạn không được thay đổi báo cáo.");
  return next();
});

const reportReader = authedProcedure.use(({ ctx, next }) => {
  if (!mayRead(ctx.user, "reports")) throw forbidden(`Your role (${ctx.user.role}) may not read reports.`, "Vai trò của bạn không được xem báo cáo.");
  return next();
});

const nullableNumber = z.number().finite().nullable().optional();

export const GridValuesInput = z
  .array(
    z.object({
      indicatorId: IdInput,
      numerator: nullableNumber,
      denominator: nullableNumber,
      value: nullableNumber,
      commentVi: z.string().max(4000).nullable().optional(),
    }),
  )
  .max(2000);

export const reportWorkflowRouter = router({
  transition: reportWriter
    .input(z.object({ id: IdInput, action: z.enum(REPORT_ACTIONS), reason: z.string().trim().max(4000).nullish(), version: VersionSchema.optional() }))
    .mutation(({ ctx, input }): { data: Row } => {
      const def = RESOURCES.reports;
      const repo = ctx.services.repository(def);
      const data = ctx.db.transaction((tx) => {
        const existing = repo.readInTx(tx, input.id);
        if (!existing) throw notFound(def.entityVi, input.id);
        assertReadable(tx, ctx.user, def, existing);
        if (input.version !== undefined && existing.version !== input.version) throw staleVersion(def.entityVi, input.id, input.version, existing.version);
        const actor = { userId: ctx.user.id, username: ctx.user.username, role: ctx.user.role, localityId: ctx.user.localityId };
        return transitionReportInTx(tx, ctx.db, input.id, input.action, actor, input.reason ?? null);
      });
      return { data };
    }),

  forUnit: reportWriter.input(z.object({ localityId: IdInput, year: YearSchema })).mutation(({ ctx, input }): ReportGrid & { created: boolean; periodCreated: boolean } => {
    const actor = { userId: ctx.user.id, username: ctx.user.username };
    return ctx.db.transaction((tx) => {
      assertWritable(tx, ctx.user, RESOURCES.reports, { localityId: input.localityId });
      const { period, created: periodCreated } = ensurePeriod(tx, ctx.db, input.localityId, input.year, actor);
      let report = tx
        .select({ id: s.reports.id })
        .from(s.reports)
        .where(and(eq(s.reports.periodId, period.id), eq(s.reports.localityId, input.localityId), isNull(s.reports.agencyId)))
        .get();
      let created = false;
      if (!report) {
        if (period.isClosed)
          throw new EduplanError("locked", { vi: `Kỳ báo cáo năm ${period.year} đã khóa sổ.`, en: `The reporting period ${period.year} is closed.` });
        report = new CrudRepository(ctx.db, RESOURCES.reports).createInTx(tx, { periodId: period.id, localityId: input.localityId, agencyId: null }, actor);
        created = true;
      }
      return { ...reportGrid(tx, ctx.user, report.id), created, periodCreated };
    });
  }),

  grid: reportReader.input(z.object({ id: IdInput })).query(({ ctx, input }): ReportGrid => {
    const def = RESOURCES.reports;
    return ctx.db.transaction(
      (tx) => {
        const existing = ctx.services.repository(def).readInTx(tx, input.id);
        if (!existing) throw notFound(def.entityVi, input.id);
        assertReadable(tx, ctx.user, def, existing);
        return reportGrid(tx, ctx.user, input.id);
      },
      { behavior: "deferred" },
    );
  }),

  saveValues: reportWriter
    .use(({ ctx, next }) => {
      if (!mayWrite(ctx.user, "reportValues")) throw forbidden(`Your role (${ctx.user.role}) may not change report values.`, "Vai trò của bạn không được nhập số liệu báo cáo.");
      return next();
    })
    .input(z.object({ id: IdInput, version: VersionSchema.optional(), values: GridValuesInput }))
    .mutation(({ ctx, input }): ReportGrid => {
      const def = RESOURCES.reports;
      const actor = { userId: ctx.user.id, username: ctx.user.username };
      return ctx.db.transaction((tx) => {
        const existing = ctx.services.repository(def).readInTx(tx, input.id);
        if (!existing) throw notFound(def.entityVi, input.id);
        assertReadable(tx, ctx.user, def, existing);
        assertWritable(tx, ctx.user, def, existing);
        saveGridInTx(tx, ctx.db, input.id, input.values, input.version ?? null, actor);
        return reportGrid(tx, ctx.user, input.id);
      });
    }),
});
