import { SYSTEM, createRepositories, type Db } from "@eduplan/db";

/** The loaded plans, one line each, with their targets and tasks. */
export async function planSummary(db: Db): Promise<string> {
  const repos = createRepositories(db);
  const { data: plans } = await repos.plans.list({ sort: { field: "id", order: "ASC" } }, SYSTEM);
  const lines = ["Kế hoạch / plans:"];
  for (const plan of plans) {
    const targets = await repos.targets.list({ filter: { planId: plan.id }, pagination: { page: 1, perPage: 1 } }, SYSTEM);
    const tasks = await repos.tasks.list({ filter: { planId: plan.id }, pagination: { page: 1, perPage: 1 } }, SYSTEM);
    const locality = await repos.localities.getOne(plan.localityId as number, SYSTEM);
    lines.push(
      `  ${String(plan.number ?? "(chưa có số)").padEnd(14)} ${String(locality?.nameVi ?? "").padEnd(18)} ${targets.total} chỉ tiêu, ${tasks.total} nhiệm vụ — ${String(plan.titleVi).slice(0, 80)}`,
    );
  }
  return lines.join("\n");
}
