/**
 * The reporting workflow, beside the CRUD procedures of `reports`: `reports.transition({ id, action, reason?, version? })`
 * moves a report draft → submitted → approved (publishing its values as the unit's figures) or returned (with a
 * reason), and reopens an approved one; who may do what is decided by the domain (`checkTransition`), within the
 * user's area.
 */
import { z } from "zod";
import { RESOURCES, notFound, staleVersion, transitionReportInTx, type Row } from "@eduplan/db";
import { REPORT_ACTIONS, VersionSchema } from "@eduplan/domain";
import { forbidden } from "../errors.js";
import { IdInput } from "../inputs.js";
import { mayWrite } from "../policy.js";
import { assertReadable } from "../scope.js";
import { authedProcedure, router } from "../trpc.js";

export const reportWorkflowRouter = router({
  transition: authedProcedure
    .use(({ ctx, next }) => {
      if (!mayWrite(ctx.user, "reports")) throw forbidden(`Your role (${ctx.user.role}) may not change reports.`, "Vai trò của bạn không được thay đổi báo cáo.");
      return next();
    })
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
});
