import { useEffect, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Grid,
  MenuItem,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import DescriptionIcon from "@mui/icons-material/Description";
import TableChartIcon from "@mui/icons-material/TableChart";
import EditCalendarIcon from "@mui/icons-material/EditCalendar";
import { Link, Title, useGetList, useNotify, usePermissions, useTranslate } from "react-admin";
import type { RouterOutputs } from "@eduplan/api";
import { ErrorState } from "../common/ErrorState";
import { localName, useUiLocale } from "../common/locale";
import { describeError } from "../errors";
import { formatDate, formatNumber, formatTargetValue, formatValue } from "../format";
import type { ConsolePermissions } from "../permissions";
import { trpc } from "../trpc";
import { downloadFile } from "../reports/files";
import { AnnualReportDocxButton } from "./AnnualReportDialog";
import { formatExpectation } from "@eduplan/domain";
import { useShowCodes } from "../common/codes";
import { LateChip, StatusChip } from "../reports/StatusChip";

type Consolidation = RouterOutputs["reporting"]["consolidate"];
type Unit = Consolidation["units"][number];

const STATE_COLOR: Record<string, "success" | "info" | "warning" | "error" | "default"> = {
  achieved: "success",
  onTrack: "info",
  atRisk: "warning",
  notAchieved: "error",
  noData: "default",
};

function SummaryCard({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Card variant="outlined" sx={{ height: "100%" }} data-testid={testId}>
      <CardContent sx={{ py: 1.5, "&:last-child": { pb: 1.5 } }}>
        <Typography variant="h5" sx={{ color, fontWeight: 600 }}>
          {value}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** The province's reporting deadline ("MM-DD"), for province officers and administrators to change. */
function DeadlineSetting({ localityId }: { localityId: number }) {
  const translate = useTranslate();
  const notify = useNotify();
  const { locale } = useUiLocale();
  const { permissions } = usePermissions<ConsolePermissions | null>();
  const queryClient = useQueryClient();
  const key = ["eduplan", "reporting.reportSettings", localityId];
  const { data } = useQuery({ queryKey: key, queryFn: () => trpc.reporting.reportSettings.query({ localityId }) });
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(10);
  const [month, setMonth] = useState(12);
  const [apply, setApply] = useState(false);
  useEffect(() => {
    if (data) {
      const [m, d] = data.reportDeadline.split("-").map(Number);
      setMonth(m!);
      setDay(d!);
    }
  }, [data]);
  if (!data) return null;
  const [m, d] = data.reportDeadline.split("-");
  const canChange = !!permissions?.canWrite?.reportingPeriods;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: "center" }} data-testid="deadline-setting">
      <Typography variant="body2" color="text.secondary">
        {translate("eduplan.reporting.consolidation.deadlineSetting", { date: `${Number(d)}/${Number(m)}` })}
        {data.isDefault ? ` (${translate("eduplan.reporting.consolidation.default")})` : ""}
      </Typography>
      {canChange ? (
        <Button size="small" startIcon={<EditCalendarIcon />} onClick={() => setOpen(true)}>
          {translate("ra.action.edit")}
        </Button>
      ) : null}
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate("eduplan.reporting.consolidation.deadlineTitle")}</DialogTitle>
        <DialogContent>
          <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
            <TextField select label={translate("eduplan.reporting.consolidation.day")} value={day} onChange={(e) => setDay(Number(e.target.value))} sx={{ width: 100 }}>
              {Array.from({ length: 31 }, (_, i) => i + 1).map((n) => (
                <MenuItem key={n} value={n}>
                  {n}
                </MenuItem>
              ))}
            </TextField>
            <TextField select label={translate("eduplan.reporting.consolidation.month")} value={month} onChange={(e) => setMonth(Number(e.target.value))} sx={{ width: 100 }}>
              {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
                <MenuItem key={n} value={n}>
                  {n}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <FormControlLabel sx={{ mt: 2 }} control={<Checkbox checked={apply} onChange={(e) => setApply(e.target.checked)} />} label={translate("eduplan.reporting.consolidation.applyToOpen")} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate("ra.action.cancel")}</Button>
          <Button
            variant="contained"
            onClick={async () => {
              try {
                await trpc.reporting.updateReportSettings.mutate({ localityId, reportDeadline: `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, applyToOpenPeriods: apply });
                setOpen(false);
                notify("eduplan.reporting.consolidation.deadlineSaved", { type: "success" });
                await queryClient.invalidateQueries({ queryKey: ["eduplan"] });
              } catch (error) {
                notify(describeError(error, locale).message, { type: "error", autoHideDuration: 15_000 });
              }
            }}
          >
            {translate("ra.action.save")}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

function DownloadButton({ localityId, year, format }: { localityId: number; year: number; format: "docx" | "xlsx" }) {
  const translate = useTranslate();
  const notify = useNotify();
  const { locale } = useUiLocale();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant={format === "docx" ? "contained" : "outlined"}
      startIcon={busy ? <CircularProgress size={16} /> : format === "docx" ? <DescriptionIcon /> : <TableChartIcon />}
      disabled={busy}
      data-testid={`download-annual-${format}`}
      onClick={async () => {
        setBusy(true);
        try {
          downloadFile(await trpc.reporting.annualReport.query({ localityId, year, format }));
        } catch (error) {
          notify(describeError(error, locale).message, { type: "error" });
        } finally {
          setBusy(false);
        }
      }}
    >
      {translate(`eduplan.reporting.consolidation.download.${format}`)}
    </Button>
  );
}

function UnitsTable({ units, onlyAttention }: { units: Unit[]; onlyAttention: boolean }) {
  const translate = useTranslate();
  const { locale } = useUiLocale();
  const shown = onlyAttention ? units.filter((u) => u.status !== "approved" || u.late) : units;
  return (
    <TableContainer>
      <Table size="small" data-testid="units-table">
        <TableHead>
          <TableRow>
            <TableCell>{translate("eduplan.reporting.unit")}</TableCell>
            <TableCell>{translate("resources.reports.fields.status")}</TableCell>
            <TableCell>{translate("resources.reports.fields.submittedAt")}</TableCell>
            <TableCell>{translate("eduplan.reporting.consolidation.note")}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((u) => (
            <TableRow key={`${u.localityId}-${u.agencyId ?? ""}`} data-testid="unit-row" data-unit={u.localityCode} data-status={u.status}>
              <TableCell>{u.agencyNameVi ?? u.localityNameVi}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5}>
                  <StatusChip status={u.status} />
                  {u.late ? <LateChip /> : null}
                </Stack>
              </TableCell>
              <TableCell>{u.submittedAt ? formatDate(u.submittedAt, locale) : "—"}</TableCell>
              <TableCell sx={{ maxWidth: 360 }}>{u.returnReason ?? ""}</TableCell>
              <TableCell>
                {u.reportId ? (
                  <Button size="small" component={Link} to={`/reports/${u.reportId}/show`}>
                    {translate("eduplan.reporting.consolidation.openReport")}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * The province's consolidation (`/consolidation`): its plan's targets with the figures rolled up from the approved
 * reports of its units (Σ numerators / Σ denominators, never averaged rates) beside the targets and this year's
 * milestones, the targets at risk highlighted; the units missing, late or returned; the annual report to download.
 */
export function ConsolidationPage() {
  const translate = useTranslate();
  const { locale } = useUiLocale();
  const showCodes = useShowCodes();
  const { permissions } = usePermissions<ConsolePermissions | null>();
  const [year, setYear] = useState(new Date().getFullYear());
  const [chosen, setChosen] = useState<number | null>(null);
  const [onlyRisk, setOnlyRisk] = useState(false);
  const [onlyAttention, setOnlyAttention] = useState(false);
  const isAdmin = !!permissions?.isAdmin;
  const { data: provinces = [] } = useGetList<{ id: number; nameVi: string }>(
    "localities",
    { filter: { levelCode: "province" }, pagination: { page: 1, perPage: 100 }, sort: { field: "nameVi", order: "ASC" } },
    { enabled: isAdmin },
  );
  const localityId = chosen ?? (isAdmin ? (provinces[0]?.id ?? null) : (permissions?.scopeLocalityId ?? null));
  const { data, error, isPending, refetch } = useQuery({
    queryKey: ["eduplan", "reporting.consolidate", localityId, year],
    queryFn: () => trpc.reporting.consolidate.query({ localityId: localityId!, year }),
    enabled: localityId !== null,
  });

  return (
    <Box sx={{ mt: 2, pb: 4, width: 0, minWidth: "100%" }} data-testid="consolidation-page">
      <Title title={translate("eduplan.reporting.consolidation.title")} />
      <Card>
        <CardContent>
          <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ justifyContent: "space-between", alignItems: { md: "center" } }}>
            <Box>
              <Typography variant="h5" component="h1">
                {translate("eduplan.reporting.consolidation.heading", { name: data?.locality.nameVi ?? "", year })}
              </Typography>
              {data?.plan ? (
                <Typography variant="body2" color="text.secondary">
                  {data.plan.number ? `${data.plan.number} — ` : ""}
                  {localName(data.plan, locale, "title")}
                </Typography>
              ) : null}
              {data ? (
                <Typography variant="body2" color="text.secondary">
                  {translate("eduplan.reporting.entry.deadline")}: {formatDate(data.deadline, locale)}
                </Typography>
              ) : null}
              {localityId !== null ? <DeadlineSetting localityId={localityId} /> : null}
            </Box>
            <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap", rowGap: 1 }}>
              {isAdmin ? (
                <TextField select size="small" label={translate("eduplan.reporting.consolidation.province")} value={localityId ?? ""} onChange={(e) => setChosen(Number(e.target.value))} sx={{ minWidth: 200 }}>
                  {provinces.map((p) => (
                    <MenuItem key={p.id} value={p.id}>
                      {p.nameVi}
                    </MenuItem>
                  ))}
                </TextField>
              ) : null}
              <TextField size="small" type="number" label={translate("eduplan.reporting.year")} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 110 }} slotProps={{ htmlInput: { "data-testid": "consolidation-year" } }} />
              {localityId !== null ? (
                <>
                  <AnnualReportDocxButton localityId={localityId} year={year} />
                  <DownloadButton localityId={localityId} year={year} format="xlsx" />
                </>
              ) : null}
            </Stack>
          </Stack>
        </CardContent>
      </Card>

      {isPending && localityId !== null ? (
        <Box sx={{ p: 4, textAlign: "center" }}>
          <CircularProgress />
        </Box>
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : data ? (
        <>
          <Grid container spacing={1.5} sx={{ mt: 0.5 }}>
            {(
              [
                ["units", data.summary.units, undefined],
                ["approved", data.summary.approved, "success.main"],
                ["submitted", data.summary.submitted, "info.main"],
                ["returned", data.summary.returned, "warning.main"],
                ["draft", data.summary.draft, undefined],
                ["missing", data.summary.missing, "error.main"],
                ["late", data.summary.late, "error.main"],
              ] as const
            ).map(([key, value, color]) => (
              <Grid key={key} size={{ xs: 6, sm: 4, md: 12 / 7 }}>
                <SummaryCard label={translate(`eduplan.reporting.consolidation.summary.${key}`)} value={value} color={color} testId={`summary-${key}`} />
              </Grid>
            ))}
          </Grid>

          {data.summary.missing + data.summary.returned + data.summary.late > 0 ? (
            <Alert severity="warning" sx={{ mt: 2 }} data-testid="attention">
              {[
                data.summary.missing ? `${translate("eduplan.reporting.consolidation.summary.missing")}: ${data.units.filter((u) => u.status === "missing").map((u) => u.localityNameVi).join(", ")}` : "",
                data.summary.late ? `${translate("eduplan.reporting.consolidation.summary.late")}: ${data.units.filter((u) => u.late).map((u) => u.localityNameVi).join(", ")}` : "",
                data.summary.returned ? `${translate("eduplan.reporting.consolidation.summary.returned")}: ${data.units.filter((u) => u.status === "returned").map((u) => u.localityNameVi).join(", ")}` : "",
              ]
                .filter(Boolean)
                .join(" · ")}
            </Alert>
          ) : null}

          <Card sx={{ mt: 2 }}>
            <CardContent>
              <Stack direction="row" sx={{ justifyContent: "space-between", alignItems: "center" }}>
                <Typography variant="h6">
                  {translate("eduplan.reporting.consolidation.targets")} ({data.targetSummary.total}; {translate("eduplan.reporting.consolidation.atRiskCount", { count: data.targetSummary.atRisk + data.targetSummary.notAchieved })})
                </Typography>
                <FormControlLabel control={<Switch checked={onlyRisk} onChange={(e) => setOnlyRisk(e.target.checked)} />} label={translate("eduplan.reporting.consolidation.onlyAtRisk")} />
              </Stack>
              <TableContainer sx={{ maxHeight: 640 }}>
                <Table size="small" stickyHeader data-testid="consolidation-targets">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate("eduplan.reporting.grid.indicator")}</TableCell>
                      <TableCell>{translate("eduplan.reporting.grid.target", { year: data.plan?.periodEnd ?? 2030 })}</TableCell>
                      <TableCell>{translate("eduplan.reporting.grid.milestone", { year })}</TableCell>
                      <TableCell align="right">{translate("eduplan.reporting.consolidation.actual", { year })}</TableCell>
                      <TableCell align="right">{translate("eduplan.reporting.consolidation.sums")}</TableCell>
                      <TableCell align="right">{translate("eduplan.reporting.consolidation.contributors")}</TableCell>
                      <TableCell>{translate("eduplan.reporting.grid.achievement")}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {data.targets
                      .filter((t) => !onlyRisk || t.atRisk)
                      .map((t) => (
                        <TableRow key={t.targetId} data-testid="consolidation-row" data-indicator={t.indicator.code} data-at-risk={t.atRisk ? "true" : "false"} sx={t.atRisk ? { bgcolor: "rgba(237, 108, 2, 0.08)" } : undefined}>
                          <TableCell sx={{ maxWidth: 420 }}>
                            <Typography variant="body2" sx={{ pl: t.parentTargetId ? 2 : 0 }}>
                              {locale === "en" ? t.indicator.nameEn : t.indicator.nameVi}
                            </Typography>
                            <Typography variant="caption" color="text.secondary">
                              {[showCodes ? t.indicator.code : null, t.target.areaFlag ? translate(`eduplan.enum.areaFlag.${t.target.areaFlag}`) : null].filter(Boolean).join(" · ")}
                            </Typography>
                          </TableCell>
                          <TableCell sx={{ whiteSpace: "nowrap" }}>{formatTargetValue(t.target, t.indicator.unit, locale) || "—"}</TableCell>
                          <TableCell sx={{ maxWidth: 160 }}>{formatExpectation(t.evaluation.expected, t.indicator.unit, locale, { maxDecimals: 1 }) || "—"}</TableCell>
                          <TableCell align="right" sx={{ fontWeight: 600, whiteSpace: "nowrap" }} data-testid="consolidated-value">
                            {t.actual.value === null ? "—" : formatValue(t.actual.value, t.indicator.unit, locale, { maxDecimals: 1 })}
                          </TableCell>
                          <TableCell align="right" sx={{ whiteSpace: "nowrap", color: "text.secondary" }}>
                            {t.actual.numerator !== null && t.actual.denominator !== null ? `${formatNumber(t.actual.numerator, locale)} / ${formatNumber(t.actual.denominator, locale)}` : ""}
                          </TableCell>
                          <TableCell align="right">{t.actual.contributors || "—"}</TableCell>
                          <TableCell>
                            <Chip size="small" color={STATE_COLOR[t.evaluation.state] ?? "default"} variant={t.evaluation.state === "noData" ? "outlined" : "filled"} label={t.evaluation.label[locale]} title={t.evaluation.reason[locale]} />
                          </TableCell>
                        </TableRow>
                      ))}
                  </TableBody>
                </Table>
              </TableContainer>
            </CardContent>
          </Card>

          <Card sx={{ mt: 2 }}>
            <CardContent>
              <Stack direction="row" sx={{ justifyContent: "space-between", alignItems: "center" }}>
                <Typography variant="h6">{translate("eduplan.reporting.consolidation.units")}</Typography>
                <FormControlLabel control={<Switch checked={onlyAttention} onChange={(e) => setOnlyAttention(e.target.checked)} />} label={translate("eduplan.reporting.consolidation.onlyAttention")} />
              </Stack>
              <UnitsTable units={data.units} onlyAttention={onlyAttention} />
            </CardContent>
          </Card>
        </>
      ) : (
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate("eduplan.reporting.consolidation.chooseProvince")}
        </Alert>
      )}
    </Box>
  );
}

export default ConsolidationPage;
