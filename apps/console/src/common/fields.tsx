import { Chip, Tooltip, Typography } from "@mui/material";
import { DateField, FunctionField, NumberField, useGetList, useGetManyAggregate, useRecordContext, useTranslate, type DateFieldProps } from "react-admin";
import { dateOptions, formatDateTime, formatTargetValue, formatValue } from "../format";
import { enumKey, type EnumName } from "../enums";
import { localName, useUiLocale } from "./locale";

/** A date as "21/09/2025" in Vietnamese, "21 Sept 2025" in English. */
export function LocalDateField(props: DateFieldProps) {
  const { locale, tag } = useUiLocale();
  return <DateField locales={tag} options={dateOptions(locale)} emptyText="—" {...props} />;
}

/** A timestamp with its time, in the user's language. */
export function LocalDateTimeField({ source }: { source: string; label?: string }) {
  const record = useRecordContext();
  const { locale } = useUiLocale();
  return <Typography variant="body2" component="span">{formatDateTime(record?.[source] as string, locale)}</Typography>;
}

/** A number grouped and with a decimal comma in Vietnamese. */
export function LocalNumberField({ source, ...rest }: { source: string; label?: string; sortable?: boolean }) {
  const { tag } = useUiLocale();
  return <NumberField source={source} locales={tag} options={{ maximumFractionDigits: 2 }} emptyText="—" {...rest} />;
}

/** A year, never grouped ("2030"). */
export function YearField({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const value = record?.[source];
  return <Typography variant="body2" component="span">{typeof value === "number" ? String(value) : "—"}</Typography>;
}

/** One value of an enumeration, translated (`eduplan.enum.<enum>.<value>`). */
export function EnumField({ source, enumName, chip }: { source: string; enumName: EnumName; chip?: boolean; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  if (value === null || value === undefined || value === "") return <span>—</span>;
  const text = translate(enumKey(enumName, value), { _: String(value) });
  return chip ? <Chip size="small" label={text} sx={{ alignSelf: "flex-start", maxWidth: "max-content" }} /> : <Typography variant="body2" component="span">{text}</Typography>;
}

/** The indicator of a target (fetched in one batched call per page): `{ unit, nameVi, … }`. */
export function useIndicatorOf(indicatorId: unknown) {
  const id = typeof indicatorId === "number" ? indicatorId : Number(indicatorId);
  const { data } = useGetManyAggregate("indicators", { ids: Number.isFinite(id) ? [id] : [] }, { enabled: Number.isFinite(id) });
  return data?.[0] as { id: number; code: string; nameVi: string; nameEn: string; unit: string; direction: string } | undefined;
}

/** What a target demands ("≥ 48,5%"), with its indicator's unit. */
export function TargetValueField(_props: { label?: string; source?: string; sortable?: boolean; sortBy?: string }) {
  const record = useRecordContext();
  const indicator = useIndicatorOf(record?.indicatorId);
  const { locale } = useUiLocale();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: "nowrap", fontWeight: 500 }} data-testid="target-value">
      {formatTargetValue(record as never, indicator?.unit, locale) || "—"}
    </Typography>
  );
}

/** A milestone's (or figure's) value in its target's unit. */
export function UnitValueField({ source, unit }: { source: string; unit?: string; label?: string }) {
  const record = useRecordContext();
  const { locale } = useUiLocale();
  const value = record?.[source];
  return <Typography variant="body2" component="span">{typeof value === "number" ? formatValue(value, unit, locale) : "—"}</Typography>;
}

/** A name in the user's language (`nameEn` in English when present). */
export function LocalNameField({ base, source }: { base?: "name" | "title"; label?: string; source?: string; sortable?: boolean; sortBy?: string }) {
  const { locale } = useUiLocale();
  const which = base ?? (source?.startsWith("title") ? "title" : "name");
  return <FunctionField render={(record: Record<string, unknown>) => localName(record, locale, which)} />;
}

/** Level codes of a reference table (`localityLevels`, `educationLevels`) → their names in the user's language. */
export function useLevelNames(resource: "localityLevels" | "educationLevels"): Map<string, string> {
  const { locale } = useUiLocale();
  const { data } = useGetList(resource, { pagination: { page: 1, perPage: 200 }, sort: { field: "id", order: "ASC" } }, { staleTime: 10 * 60_000 });
  return new Map((data ?? []).map((l) => [String(l.code), localName(l, locale)]));
}

/** Choices of a level code input, from the reference table. */
export function useLevelChoices(resource: "localityLevels" | "educationLevels"): { id: string; name: string }[] {
  const names = useLevelNames(resource);
  return [...names.entries()].map(([id, name]) => ({ id, name }));
}

/** A level code shown by its name. */
export function LevelField({ source, resource }: { source: string; resource: "localityLevels" | "educationLevels"; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const names = useLevelNames(resource);
  const code = record?.[source];
  if (code === null || code === undefined) return <span>—</span>;
  return <Typography variant="body2" component="span">{names.get(String(code)) ?? String(code)}</Typography>;
}

/** A "sample data" marker for synthetic figures. */
export function SyntheticBadge() {
  const translate = useTranslate();
  return (
    <Tooltip title={translate("eduplan.dashboard.synthetic")}>
      <Chip size="small" variant="outlined" color="warning" label={translate("eduplan.common.syntheticData")} />
    </Tooltip>
  );
}
