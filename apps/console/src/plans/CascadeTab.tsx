import { useMemo, useState } from "react";
import {
  Alert,
  Box,
  Chip,
  InputAdornment,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import Search from "@mui/icons-material/Search";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { Loading, useRecordContext, useTranslate } from "react-admin";
import { foldVietnamese } from "@eduplan/domain";
import { ErrorState } from "../common/ErrorState";
import { useLevelNames } from "../common/fields";
import { localName, useUiLocale } from "../common/locale";
import { CASCADE_VERDICTS } from "../enums";
import { describeError } from "../errors";
import { formatDifference, formatTargetValue, uiLocale } from "../format";
import { trpc } from "../trpc";

type ChipColor = "success" | "info" | "error" | "warning" | "secondary" | "default";

/** The colour of a verdict: stronger green, equal blue, weaker red, missing orange, additional purple. */
export const VERDICT_COLORS: Record<string, ChipColor> = {
  stronger: "success",
  equal: "info",
  weaker: "error",
  missing: "warning",
  additional: "secondary",
  incomparable: "default",
};

type CascadeResult = Awaited<ReturnType<typeof trpc.progress.cascade.query>>;
type Row = CascadeResult["rows"][number];

export function VerdictChip({ verdict, count, selected, onClick }: { verdict: string; count?: number; selected?: boolean; onClick?: () => void }) {
  const translate = useTranslate();
  const label = translate(`eduplan.enum.verdict.${verdict}`, { _: verdict });
  return (
    <Chip
      size="small"
      color={VERDICT_COLORS[verdict] ?? "default"}
      variant={selected === false ? "outlined" : "filled"}
      label={count === undefined ? label : `${label}: ${count}`}
      onClick={onClick}
      data-testid={`verdict-${verdict}`}
    />
  );
}

/**
 * The cascade check: every target of the plan beside the parent plan's target for the same indicator and scope,
 * with the API's verdict (`progress.cascade`): stronger, equal, weaker, missing, additional, incomparable.
 */
export function CascadeTab() {
  const record = useRecordContext();
  const translate = useTranslate();
  const { locale } = useUiLocale();
  const levelNames = useLevelNames("educationLevels");
  const [verdicts, setVerdicts] = useState<Set<string>>(new Set());
  const [search, setSearch] = useState("");
  const planId = record?.id as number | undefined;
  // How the plan's targets stand this year (or at the end of the plan period when it is over).
  const thisYear = new Date().getFullYear();
  const year = Math.max(Number(record?.periodStart ?? thisYear), Math.min(thisYear, Number(record?.periodEnd ?? thisYear)));
  const query = useQuery({
    queryKey: ["eduplan", "cascade", planId, year],
    queryFn: () => trpc.progress.cascade.query({ planId: planId!, year }),
    enabled: planId !== undefined,
    retry: false,
  });

  const rows = useMemo(() => {
    const data = query.data;
    if (!data) return [] as Row[];
    const needle = foldVietnamese(search);
    return data.rows.filter((row) => {
      if (verdicts.size && !verdicts.has(row.verdict)) return false;
      if (!needle) return true;
      const indicator = data.indicators[row.indicatorCode];
      return foldVietnamese(`${row.indicatorCode} ${indicator?.nameVi ?? ""} ${indicator?.nameEn ?? ""}`).includes(needle);
    });
  }, [query.data, verdicts, search]);

  if (!record) return null;
  if (query.isPending) return <Loading />;
  if (query.error) {
    const { status, message } = describeError(query.error, locale);
    return <ErrorState error={Object.assign(new Error(message), { status })} onRetry={() => void query.refetch()} />;
  }
  const data = query.data;
  if (!data.parentPlan) return <Alert severity="info" sx={{ my: 2 }}>{translate("eduplan.cascade.noParent")}</Alert>;

  const parentTitle = localName(data.parentPlan, locale, "title");
  const parentLabel = `${data.parentPlan.number ?? ""} ${parentTitle ? `— ${parentTitle.slice(0, 90)}${parentTitle.length > 90 ? "…" : ""}` : ""}`.trim();
  const scopeOf = (row: Row) => {
    const t = row.child ?? row.parent;
    const parts = [
      t?.areaFlag ? translate(`eduplan.enum.areaFlag.${t.areaFlag}`) : null,
      t?.breakdownEducationLevelCode ? (levelNames.get(t.breakdownEducationLevelCode) ?? t.breakdownEducationLevelCode) : null,
    ].filter(Boolean);
    return parts.length ? parts.join(" · ") : "—";
  };
  const verdictOf = (row: Row) => (row.child ? data.evaluations[row.child.id] : undefined);
  const toggle = (verdict: string) =>
    setVerdicts((current) => {
      const next = new Set(current);
      if (next.has(verdict)) next.delete(verdict);
      else next.add(verdict);
      return next;
    });

  return (
    <Box data-testid="cascade-tab" sx={{ py: 1 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 500 }}>
        {translate("eduplan.cascade.title")}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate("eduplan.cascade.intro")}
        <MuiLink component={Link} to={`/plans/${data.parentPlan.id}/show`}>
          {parentLabel}
        </MuiLink>
      </Typography>
      <Stack direction="row" sx={{ flexWrap: "wrap", gap: 1, alignItems: "center", mb: 1 }}>
        <Typography variant="body2">{translate("eduplan.cascade.summary")}:</Typography>
        {CASCADE_VERDICTS.filter((v) => (data.summary[v] ?? 0) > 0).map((v) => (
          <VerdictChip key={v} verdict={v} count={data.summary[v]} selected={verdicts.size === 0 || verdicts.has(v)} onClick={() => toggle(v)} />
        ))}
        <TextField
          size="small"
          placeholder={translate("eduplan.cascade.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search fontSize="small" /></InputAdornment> } }}
          sx={{ ml: "auto", minWidth: 240 }}
        />
      </Stack>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
          {translate("eduplan.cascade.noRows")}
        </Typography>
      ) : (
        <Table size="small" data-testid="cascade-table">
          <TableHead>
            <TableRow>
              <TableCell>{translate("eduplan.cascade.indicator")}</TableCell>
              <TableCell>{translate("eduplan.cascade.breakdown")}</TableCell>
              <TableCell align="right">{translate("eduplan.cascade.child")}</TableCell>
              <TableCell align="right">{translate("eduplan.cascade.parent")}</TableCell>
              <TableCell>{translate("eduplan.cascade.verdict")}</TableCell>
              <TableCell align="right">{translate("eduplan.cascade.difference")}</TableCell>
              <TableCell>{translate("eduplan.cascade.stateIn", { year })}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, index) => {
              const indicator = data.indicators[row.indicatorCode];
              const unit = indicator?.unit;
              return (
                <TableRow
                  key={`${row.indicatorCode}|${row.breakdownKey}|${row.child?.id ?? ""}|${row.parent?.id ?? ""}|${index}`}
                  data-testid="cascade-row"
                  data-indicator={row.indicatorCode}
                  data-verdict={row.verdict}
                  hover
                >
                  <TableCell sx={{ maxWidth: 420 }}>
                    <Typography variant="body2">{indicator ? localName(indicator, locale) : translate("eduplan.cascade.unknownIndicator")}</Typography>
                  </TableCell>
                  <TableCell>{scopeOf(row)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: "nowrap", fontWeight: 500 }}>
                    {row.child ? (
                      <MuiLink component={Link} to={`/targets/${row.child.id}`}>
                        {formatTargetValue(row.child, unit, locale) || "—"}
                      </MuiLink>
                    ) : (
                      "—"
                    )}
                    {row.child?.targetYear ? <Typography variant="caption" color="text.secondary" component="div">{row.child.targetYear}</Typography> : null}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
                    {row.parent ? formatTargetValue(row.parent, unit, locale) || "—" : "—"}
                    {row.parent?.targetYear ? <Typography variant="caption" color="text.secondary" component="div">{row.parent.targetYear}</Typography> : null}
                  </TableCell>
                  <TableCell>
                    <VerdictChip verdict={row.verdict} />
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>{formatDifference(row.difference, locale, unit) || "—"}</TableCell>
                  <TableCell data-testid="cascade-state" data-state={verdictOf(row)?.state ?? ""}>
                    {verdictOf(row) ? <Chip size="small" variant="outlined" label={verdictOf(row)!.label[uiLocale(locale)]} title={verdictOf(row)!.reason[uiLocale(locale)]} /> : "—"}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}

export default CascadeTab;
