import { useQuery } from "@tanstack/react-query";
import { usePermissions } from "react-admin";
import type { RouterOutputs } from "@eduplan/api";
import type { ConsolePermissions } from "../permissions";
import { trpc } from "../trpc";

export type Period = RouterOutputs["reporting"]["periods"]["data"][number];

/**
 * The reporting periods that concern the user (`reporting.periods`): for a commune officer, those of the province
 * (which lies above the commune's area, so `reportingPeriods` would refuse them), by id — for the year and the
 * deadline of each report in a list.
 */
export function usePeriods(): Map<number, Period> {
  const { permissions } = usePermissions<ConsolePermissions | null>();
  const { data } = useQuery({
    queryKey: ["eduplan", "reporting.periods", permissions?.scopeLocalityId ?? null],
    queryFn: () => trpc.reporting.periods.query(),
    enabled: !!permissions?.role,
    staleTime: 60_000,
  });
  return new Map((data?.data ?? []).map((p) => [p.id, p]));
}
