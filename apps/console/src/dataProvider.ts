import type { DataProvider, GetListParams, GetListResult } from "react-admin";
import { toHttpError, trpcDataProvider } from "@eduplan/ra-data-trpc";
import { foldVietnamese } from "@eduplan/domain";
import { trpc } from "./trpc";

type Row = Record<string, unknown> & { id: number };

/** Filters of the `tasks` list that are not columns: answered with the API's `progress.tasksDue` and on the client. */
export const TASK_VIRTUAL_FILTERS = ["dueYear", "agencyId", "agencyRole"] as const;

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "vi", { numeric: true, sensitivity: "base" });
}

/** Filters, sorts and pages rows in memory (for the few lists the API cannot filter as asked). */
export function listInMemory(rows: Row[], params: Pick<GetListParams, "filter" | "sort" | "pagination">, searchFields: string[]): GetListResult {
  const { q, ...filter } = (params.filter ?? {}) as Record<string, unknown>;
  let result = rows.filter((row) =>
    Object.entries(filter).every(([key, expected]) => {
      if (expected === undefined || expected === "" || expected === null) return true;
      const actual = row[key];
      return Array.isArray(expected) ? expected.includes(actual) : String(actual) === String(expected);
    }),
  );
  if (typeof q === "string" && q.trim() !== "") {
    const needle = foldVietnamese(q);
    result = result.filter((row) => foldVietnamese(searchFields.map((f) => String(row[f] ?? "")).join(" ")).includes(needle));
  }
  if (params.sort?.field) {
    const { field, order } = params.sort;
    result = [...result].sort((a, b) => compareValues(a[field], b[field]) * (order === "DESC" ? -1 : 1));
  }
  const page = params.pagination?.page ?? 1;
  const perPage = params.pagination?.perPage ?? result.length;
  return { data: result.slice((page - 1) * perPage, page * perPage), total: result.length };
}

/**
 * The console's data provider: `@eduplan/ra-data-trpc` over the typed client (resources map to routers by name),
 * plus one decoration. The `tasks` list also filters by what is due in a year (`dueYear`: the API's
 * `progress.tasksDue`, which knows every timing kind) and by agency (`agencyId`, as lead and/or coordinator,
 * `agencyRole` = "lead" | "coordinating"), which are not columns of the table.
 */
export function createDataProvider(locale: () => string): DataProvider {
  const base = trpcDataProvider(trpc, { locale: () => (locale() === "en" ? "en" : "vi") });

  async function listTasks(params: GetListParams): Promise<GetListResult> {
    const { dueYear, agencyId, agencyRole, ...rest } = (params.filter ?? {}) as Record<string, unknown>;
    const agency = agencyId === undefined || agencyId === "" || agencyId === null ? undefined : Number(agencyId);
    let rows: Row[];
    if (dueYear !== undefined && dueYear !== "" && dueYear !== null) {
      const due = await trpc.progress.tasksDue.query({
        year: Number(dueYear),
        ...(agency !== undefined ? { agencyId: agency } : {}),
        ...(typeof rest.planId === "number" || typeof rest.planId === "string" ? { planId: Number(rest.planId) } : {}),
        includeCompleted: rest.status !== undefined && rest.status !== "",
      });
      rows = due.data as unknown as Row[];
    } else {
      const { q: _q, ...columns } = rest;
      const all = await base.getList("tasks", { filter: columns, pagination: { page: 1, perPage: 5000 }, sort: { field: "id", order: "ASC" } });
      rows = all.data as Row[];
    }
    if (agency !== undefined) {
      rows = rows.filter((t) => {
        const lead = ((t.leadAgencyIds as number[]) ?? []).includes(agency);
        const coordinating = ((t.coordinatingAgencyIds as number[]) ?? []).includes(agency);
        return agencyRole === "lead" ? lead : agencyRole === "coordinating" ? coordinating : lead || coordinating;
      });
    }
    return listInMemory(rows, { ...params, filter: rest }, ["titleVi", "titleEn", "code", "outputVi"]);
  }

  return {
    ...base,
    /**
     * An edit sends the version it was based on: `meta.baseVersion` (pinned by the edit page when the user started
     * changing the form) wins over the version of the record react-admin fetched last.
     */
    update(resource, params) {
      const baseVersion = (params.meta as { baseVersion?: unknown } | undefined)?.baseVersion;
      if (typeof baseVersion !== "number") return base.update(resource, params);
      return base.update(resource, { ...params, previousData: { ...(params.previousData ?? { id: params.id }), version: baseVersion } });
    },
    getList(resource, params) {
      const filter = (params.filter ?? {}) as Record<string, unknown>;
      if (resource === "tasks" && TASK_VIRTUAL_FILTERS.some((f) => filter[f] !== undefined && filter[f] !== ""))
        return listTasks(params).catch((error: unknown) => {
          throw toHttpError(error, locale() === "en" ? "en" : "vi");
        });
      return base.getList(resource, params);
    },
  };
}
