/**
 * Settings of a locality that are not records of a resource — the province's reporting deadline, the plugins it
 * enables — written on the same terms as resources: role, area, one transaction, an audit entry.
 */
import { and, eq } from "drizzle-orm";
import { RESOURCE_ACCESS } from "@eduplan/domain";
import { recordAudit } from "./audit.js";
import { EduplanError, fieldError, notFound, validation } from "./errors.js";
import { assertRole, assertWritable } from "./guard.js";
import type { Principal } from "./principal.js";
import type { Tx } from "./resource.js";
import { first } from "./query.js";
import { RESOURCES } from "./resources/index.js";
import * as s from "./schema/index.js";

/** The yearly reporting deadline ("MM-DD") of a province: set by those who open its periods, within their area. */
export async function setReportDeadline(tx: Tx, localityId: number, reportDeadline: string, principal: Principal) {
  const periods = RESOURCES.reportingPeriods;
  assertRole(periods, principal, "write");
  await assertWritable(tx, periods, principal, { localityId });
  const before = (await first(tx.select().from(s.localitySettings).where(eq(s.localitySettings.localityId, localityId)))) ?? null;
  await tx.insert(s.localitySettings).values({ localityId, reportDeadline }).onConflictDoUpdate({ target: s.localitySettings.localityId, set: { reportDeadline } });
  const after = { localityId, reportDeadline };
  await recordAudit(tx, principal, before ? "update" : "create", "localitySettings", localityId, before, after, localityId);
  return { before, after };
}

const PLUGIN_SETTINGS = { name: "pluginSettings", entityVi: "plugin của tỉnh", access: RESOURCE_ACCESS.pluginSettings };

/** Enable or disable a plugin for a province, or change its settings (administrators). Disabling deletes nothing. */
export async function setProvincePlugin(
  tx: Tx,
  provinceId: number,
  pluginId: string,
  change: { enabled?: boolean; settings?: Record<string, unknown> },
  principal: Principal,
) {
  if (!PLUGIN_SETTINGS.access.write.includes(principal.role))
    throw new EduplanError("forbidden", { vi: "Chỉ quản trị hệ thống được quản lý plugin của các tỉnh.", en: "Only system administrators manage plugins per province." });
  const province = await first(tx.select().from(s.localities).where(eq(s.localities.id, provinceId)));
  if (!province) throw notFound("địa bàn", provinceId);
  if (province.levelCode !== "province") throw validation([fieldError("localityId", "plugins are enabled per province", "Plugin được bật, tắt theo tỉnh")]);
  const where = and(eq(s.localityPlugins.localityId, provinceId), eq(s.localityPlugins.pluginId, pluginId));
  const before = (await first(tx.select().from(s.localityPlugins).where(where))) ?? null;
  const values = { enabled: change.enabled ?? before?.enabled ?? false, settings: change.settings ?? before?.settings ?? {}, updatedAt: new Date().toISOString() };
  await tx
    .insert(s.localityPlugins)
    .values({ localityId: provinceId, pluginId, ...values })
    .onConflictDoUpdate({ target: [s.localityPlugins.localityId, s.localityPlugins.pluginId], set: values });
  const after = (await first(tx.select().from(s.localityPlugins).where(where)))!;
  await recordAudit(tx, principal, "update", PLUGIN_SETTINGS.name, null, before, after, provinceId);
  return { before, after };
}
