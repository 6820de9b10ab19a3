import { useGetList } from "react-admin";
import { useWatch } from "react-hook-form";
import { localName, useUiLocale } from "../common/locale";

/** The collectives the form's plan may name (built in, or its province's), by code, shown by name. */
export function usePlanCollectiveChoices(planField = "planId") {
  const { locale } = useUiLocale();
  const planId = useWatch({ name: planField }) as number | null | undefined;
  const { data } = useGetList(
    "collectiveAssignees",
    { pagination: { page: 1, perPage: 200 }, sort: { field: "code", order: "ASC" }, filter: typeof planId === "number" ? { availableToPlanId: planId } : { localityId: null } },
    { staleTime: 10 * 60_000 },
  );
  return (data ?? []).map((c) => ({ id: String(c.code), name: localName(c, locale) }));
}

/** A collective's name from its code (never the code itself). */
export function useCollectiveName(code: unknown): string | null {
  const { locale } = useUiLocale();
  const { data } = useGetList("collectiveAssignees", { pagination: { page: 1, perPage: 1 }, filter: { code } }, { enabled: typeof code === "string" && code !== "", staleTime: 10 * 60_000 });
  return data?.[0] ? localName(data[0], locale) : null;
}

/** "12-10" (stored) → "10/12" (shown, day first). */
export const monthDayToDayFirst = (v: unknown): string => {
  if (typeof v !== "string") return "";
  const m = /^(\d{2})-(\d{2})$/.exec(v);
  return m ? `${m[2]}/${m[1]}` : v;
};

/** "10/12" → "12-10"; "" → null; anything else as typed (the validator says why). */
export const dayFirstToMonthDay = (v: unknown): string | null => {
  if (typeof v !== "string" || v.trim() === "") return null;
  const m = /^\s*(\d{1,2})\s*[/.]\s*(\d{1,2})\s*$/.exec(v);
  return m ? `${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : v;
};

export const validMonthDay = (v: unknown) =>
  v === null || v === undefined || v === "" || (typeof v === "string" && /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/.test(v)) ? undefined : "eduplan.reportingObligations.invalidDueDate";
