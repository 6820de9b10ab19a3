import { useEffect, useMemo, useState } from "react";
import { useParams } from "react-router-dom";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import LockIcon from "@mui/icons-material/Lock";
import SaveIcon from "@mui/icons-material/Save";
import SendIcon from "@mui/icons-material/Send";
import UndoIcon from "@mui/icons-material/Undo";
import CheckCircleIcon from "@mui/icons-material/CheckCircle";
import LockOpenIcon from "@mui/icons-material/LockOpen";
import ArrowBackIcon from "@mui/icons-material/ArrowBack";
import { Link, Title, useNotify, useTranslate } from "react-admin";
import { TRPCClientError } from "@trpc/client";
import { ErrorState } from "../common/ErrorState";
import { localName, useUiLocale } from "../common/locale";
import { describeError } from "../errors";
import { formatExpectation } from "@eduplan/domain";
import { formatDate, formatDateTime, formatPercent, formatValue, formatTargetValue, uiLocale } from "../format";
import { trpc } from "../trpc";
import { ExcelImport, isLockedGrid, TemplateButton } from "./ExcelImport";
import {
  achievementOf,
  checkRow,
  draftOf,
  isRate,
  liveValue,
  serverErrorsByIndicator,
  type Achievement,
  type CellError,
  type Field,
  type GridRow,
  type ReportGrid,
  type RowDraft,
  type RowErrors,
} from "./grid";
import { LateChip, StatusChip } from "./StatusChip";

type Action = "submit" | "return" | "approve" | "reopen";

const ACHIEVEMENT_COLOR: Record<Achievement, "success" | "info" | "warning" | "error" | "default"> = {
  achieved: "success",
  onTrack: "info",
  atRisk: "warning",
  notAchieved: "error",
  noData: "default",
  noTarget: "default",
};

function fieldErrorsOf(error: unknown): { path: string; message: { vi: string; en: string } }[] {
  if (error instanceof TRPCClientError) {
    const data = error.data as { eduplan?: { fieldErrors?: { path: string; message: { vi: string; en: string } }[] } } | undefined;
    return data?.eduplan?.fieldErrors ?? [];
  }
  return [];
}

/** One cell's input: a number typed the officer's way ("48,5"), its error under it. */
function NumberCell({ value, error, onChange, testId, label, disabled, width = 80 }: { value: string; error?: string; onChange: (v: string) => void; testId: string; label: string; disabled: boolean; width?: number }) {
  return (
    <TextField
      size="small"
      value={value}
      disabled={disabled}
      error={!!error}
      helperText={error}
      variant="outlined"
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ htmlInput: { inputMode: "decimal", "data-testid": testId, "aria-label": label, style: { textAlign: "right" } }, formHelperText: { sx: { mx: 0, maxWidth: 150 } } }}
      sx={{ width }}
    />
  );
}

function GridTableRow({
  row,
  index,
  draft,
  errors,
  editable,
  onChange,
}: {
  row: GridRow;
  index: number;
  draft: RowDraft;
  errors: RowErrors;
  editable: boolean;
  onChange: (field: Field, value: string) => void;
}) {
  const translate = useTranslate();
  const { locale } = useUiLocale();
  const text = (err?: CellError) => (err ? ("message" in err ? err.message : translate(err.key, err.params ?? {})) : undefined);
  const { figures } = checkRow(row, draft, locale);
  const value = liveValue(row, figures);
  const achievement = achievementOf(row, value);
  const name = locale === "en" && row.nameEn ? row.nameEn : row.nameVi;
  const target = row.target ? formatTargetValue(row.target, row.unit, locale) : "";
  const label = (key: string) => `${translate(`eduplan.reporting.grid.${key}`)} — ${name}`;
  return (
    <TableRow data-testid="grid-row" data-indicator={row.code} hover sx={{ verticalAlign: "top", ...(achievement.kind === "atRisk" || achievement.kind === "notAchieved" ? { bgcolor: "rgba(237, 108, 2, 0.05)" } : {}) }}>
      <TableCell>{index + 1}</TableCell>
      <TableCell sx={{ minWidth: 200, maxWidth: 260 }}>
        <Typography variant="body2">{name}</Typography>
        {row.extra ? (
          <Typography variant="caption" color="text.secondary" component="div">
            {translate("eduplan.reporting.grid.outsidePlan")}
          </Typography>
        ) : null}
        {row.measure && isRate(row) ? (
          <Typography variant="caption" color="text.secondary" component="div" sx={{ fontStyle: "italic" }}>
            {row.measure.numeratorVi} / {row.measure.denominatorVi}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell sx={{ maxWidth: 110 }} data-testid="row-target">
        {locale === "vi" ? row.targetText || target || "—" : target || row.targetText || "—"}
      </TableCell>
      <TableCell sx={{ whiteSpace: "nowrap" }} data-testid="row-milestone">
        {formatExpectation(achievement.evaluation?.expected, row.unit, uiLocale(locale), { maxDecimals: 1 }) || "—"}
      </TableCell>
      <TableCell sx={{ whiteSpace: "nowrap" }} data-testid="row-previous">
        {/* One number of decimals per column: rates with one, as the result column. */}
        {row.previous ? (row.unit === "percent" ? formatPercent(liveValue(row, row.previous), locale, 1) : formatValue(liveValue(row, row.previous), row.unit, locale)) || "—" : "—"}
      </TableCell>
      {isRate(row) ? (
        <>
          <TableCell>
            <NumberCell value={draft.numerator} error={text(errors.numerator)} onChange={(v) => onChange("numerator", v)} testId="input-numerator" label={label("numerator")} disabled={!editable} />
          </TableCell>
          <TableCell>
            <NumberCell value={draft.denominator} error={text(errors.denominator)} onChange={(v) => onChange("denominator", v)} testId="input-denominator" label={label("denominator")} disabled={!editable} />
          </TableCell>
          <TableCell sx={{ whiteSpace: "nowrap", fontWeight: 600, textAlign: "right" }} data-testid="row-value">
            {value === null ? "—" : row.unit === "percent" ? formatPercent(value, locale, 1) : formatValue(value, row.unit, locale)}
          </TableCell>
        </>
      ) : (
        <>
          <TableCell sx={{ color: "text.disabled", textAlign: "center" }}>—</TableCell>
          <TableCell sx={{ color: "text.disabled", textAlign: "center" }}>—</TableCell>
          <TableCell>
            {row.unit === "boolean" ? (
              // A yes/no indicator is chosen, not typed.
              <TextField
                select
                size="small"
                value={draft.value === "1" || draft.value === "0" ? draft.value : ""}
                disabled={!editable}
                error={!!errors.value}
                helperText={text(errors.value)}
                onChange={(e) => onChange("value", e.target.value)}
                slotProps={{ htmlInput: { "data-testid": "input-value", "aria-label": label("value") } }}
                sx={{ width: 110 }}
              >
                <MenuItem value="">—</MenuItem>
                <MenuItem value="1">{formatValue(1, "boolean", locale)}</MenuItem>
                <MenuItem value="0">{formatValue(0, "boolean", locale)}</MenuItem>
              </TextField>
            ) : (
              <NumberCell value={draft.value} error={text(errors.value)} onChange={(v) => onChange("value", v)} testId="input-value" label={label("value")} disabled={!editable} />
            )}
          </TableCell>
        </>
      )}
      <TableCell>
        <TextField
          size="small"
          value={draft.commentVi}
          disabled={!editable}
          variant="outlined"
          multiline
          maxRows={4}
          error={!!errors.commentVi}
          helperText={text(errors.commentVi)}
          onChange={(e) => onChange("commentVi", e.target.value)}
          slotProps={{ htmlInput: { "data-testid": "input-comment", "aria-label": label("comment") } }}
          sx={{ width: 140 }}
        />
      </TableCell>
      <TableCell data-testid="row-achievement" data-kind={achievement.kind}>
        {achievement.kind === "noTarget" ? (
          "—"
        ) : (
          <Chip
            size="small"
            color={ACHIEVEMENT_COLOR[achievement.kind]}
            variant={achievement.kind === "noData" ? "outlined" : "filled"}
            label={achievement.evaluation!.label[uiLocale(locale)]}
            title={achievement.evaluation!.reason[uiLocale(locale)]}
            sx={{ maxWidth: 112, height: "auto", py: 0.25, "& .MuiChip-label": { whiteSpace: "normal", textAlign: "center" } }}
          />
        )}
      </TableCell>
    </TableRow>
  );
}

/** A dialog asking for a reason (return) or a confirmation (reopen). */
function ActionDialog({ action, open, busy, onClose, onConfirm }: { action: Action | null; open: boolean; busy: boolean; onClose: () => void; onConfirm: (reason: string) => void }) {
  const translate = useTranslate();
  const [reason, setReason] = useState("");
  useEffect(() => setReason(""), [open]);
  const needsReason = action === "return";
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{action ? translate(`eduplan.reporting.dialog.${action}Title`) : ""}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {action ? translate(`eduplan.reporting.dialog.${action}Text`) : ""}
        </Typography>
        {needsReason ? (
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            label={translate("eduplan.reporting.dialog.reason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { "data-testid": "return-reason-input" } }}
            required
          />
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate("ra.action.cancel")}</Button>
        <Button variant="contained" color={action === "return" ? "warning" : "primary"} disabled={busy || (needsReason && !reason.trim())} onClick={() => onConfirm(reason.trim())} data-testid="confirm-action">
          {action ? translate(`eduplan.reporting.actions.${action}`) : ""}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * The data-entry grid of one report (`/reports/:id/show`): one row per indicator of the plan with its target, this
 * year's milestone and last year's figure; numerator and denominator of rates (the rate computed as one types),
 * the value of other indicators, a comment, the achievement; Save, Submit, Return (with a reason), Approve, Reopen —
 * each shown only when the API says the user may (`actions`, `canEdit` of `reports.grid`).
 */
export function ReportEntry() {
  const { id } = useParams();
  const reportId = Number(id);
  const translate = useTranslate();
  const notify = useNotify();
  const { locale } = useUiLocale();
  const queryClient = useQueryClient();
  const queryKey = ["eduplan", "reports.grid", reportId];
  const { data: grid, error, isPending, refetch } = useQuery({ queryKey, queryFn: () => trpc.reports.grid.query({ id: reportId }), enabled: Number.isFinite(reportId) });

  const [drafts, setDrafts] = useState<Map<number, RowDraft>>(new Map());
  const [dirty, setDirty] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Map<number, RowErrors>>(new Map());
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<Action | null>(null);

  const reset = (g: ReportGrid) => {
    setDrafts(new Map(g.rows.map((r) => [r.indicatorId, draftOf(r, locale)])));
    setDirty(false);
    setShowAll(false);
    setServerErrors(new Map());
  };
  // A new version of the report (loaded, saved, moved) resets what is typed.
  useEffect(() => {
    if (grid) reset(grid);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [grid?.report.id, grid?.report.version, locale]);

  const checks = useMemo(() => {
    const out = new Map<number, ReturnType<typeof checkRow>>();
    for (const row of grid?.rows ?? []) out.set(row.indicatorId, checkRow(row, drafts.get(row.indicatorId) ?? draftOf(row, locale), locale));
    return out;
  }, [grid, drafts, locale]);
  const clientErrorCount = [...checks.values()].filter((c) => Object.keys(c.errors).length > 0).length;

  if (isPending) return <Box sx={{ p: 4, textAlign: "center" }}><CircularProgress /></Box>;
  if (error || !grid) return <ErrorState error={error} backTo="/reports" onRetry={() => void refetch()} />;

  const status = grid.report.status as string;
  const editable = grid.canEdit;

  const change = (indicatorId: number, field: Field, value: string) => {
    setDrafts((prev) => {
      const next = new Map(prev);
      next.set(indicatorId, { ...(prev.get(indicatorId) ?? { numerator: "", denominator: "", value: "", commentVi: "" }), [field]: value });
      return next;
    });
    setServerErrors((prev) => {
      if (!prev.has(indicatorId)) return prev;
      const next = new Map(prev);
      next.delete(indicatorId);
      return next;
    });
    setDirty(true);
  };

  /** Saves the grid; null when refused (the errors are shown under the cells). */
  async function save(silent = false): Promise<ReportGrid | null> {
    if (!grid) return null;
    if (clientErrorCount > 0) {
      setShowAll(true);
      notify("eduplan.reporting.fixErrors", { type: "error", messageArgs: { smart_count: clientErrorCount } });
      return null;
    }
    const rows = grid.rows;
    const values = rows.map((r) => ({ indicatorId: r.indicatorId, ...checks.get(r.indicatorId)!.figures }));
    try {
      const next = await trpc.reports.saveValues.mutate({ id: reportId, version: Number(grid.report.version), values });
      queryClient.setQueryData(queryKey, next);
      if (!silent) notify("eduplan.reporting.saved", { type: "success" });
      return next;
    } catch (err) {
      const fieldErrors = fieldErrorsOf(err);
      if (fieldErrors.length) {
        setServerErrors(serverErrorsByIndicator(fieldErrors, rows.map((r) => r.indicatorId), locale));
        setShowAll(true);
      }
      notify(describeError(err, locale).message, { type: "error", autoHideDuration: 15_000 });
      return null;
    }
  }

  async function transition(action: Action, reason?: string) {
    if (!grid) return;
    setBusy(true);
    try {
      let version = Number(grid.report.version);
      if (action === "submit" && (dirty || clientErrorCount > 0)) {
        const saved = await save(true);
        if (!saved) return;
        version = Number(saved.report.version);
      }
      await trpc.reports.transition.mutate({ id: reportId, action, version, ...(reason ? { reason } : {}) });
      setDialog(null);
      notify(`eduplan.reporting.done.${action}`, { type: "success" });
      await queryClient.invalidateQueries({ queryKey });
      await queryClient.invalidateQueries({ queryKey: ["reports"] });
    } catch (err) {
      notify(describeError(err, locale).message, { type: "error", autoHideDuration: 15_000 });
    } finally {
      setBusy(false);
    }
  }

  const planName = grid.plan ? `${grid.plan.number ? `${grid.plan.number} — ` : ""}${localName(grid.plan, locale, "title")}` : translate("eduplan.reporting.entry.noPlan");
  // width 0 / min-width 100%: the wide grid scrolls inside its container instead of widening the page.
  return (
    <Box sx={{ pb: 4, width: 0, minWidth: "100%" }} data-testid="report-entry" data-status={status}>
      <Title title={`${translate("eduplan.reporting.entry.title", { year: grid.year })} — ${grid.unit.nameVi}`} />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ justifyContent: "space-between", alignItems: { md: "flex-start" } }}>
            <Box>
              <Typography variant="h5" component="h1" data-testid="report-heading">
                {translate("eduplan.reporting.entry.title", { year: grid.year })} — {grid.unit.nameVi}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                {translate("eduplan.reporting.entry.plan")}: {planName}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate("eduplan.reporting.entry.deadline")}: {formatDate(grid.deadline, locale)}
                {grid.report.submittedAt && status !== "draft" ? ` · ${translate("eduplan.reporting.entry.submitted", { at: formatDateTime(grid.report.submittedAt as string, locale), by: String(grid.report.submittedBy ?? "") })}` : ""}
                {grid.report.decidedAt && (status === "approved" || status === "returned") ? ` · ${translate("eduplan.reporting.entry.decided", { at: formatDateTime(grid.report.decidedAt as string, locale), by: String(grid.report.decidedBy ?? "") })}` : ""}
              </Typography>
            </Box>
            <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
              <StatusChip status={status} />
              {grid.late ? <LateChip /> : null}
            </Stack>
          </Stack>

          {status === "returned" && grid.report.returnReason ? (
            <Alert severity="warning" sx={{ mt: 2 }} data-testid="return-reason">
              <strong>{translate("eduplan.reporting.entry.returnedBecause")}</strong> {String(grid.report.returnReason)}
            </Alert>
          ) : null}
          {status === "approved" ? (
            <Alert severity="success" icon={<LockIcon />} sx={{ mt: 2 }} data-testid="lock-notice">
              {translate("eduplan.reporting.entry.lockedApproved")}
            </Alert>
          ) : null}
          {status === "submitted" ? (
            <Alert severity="info" icon={<LockIcon />} sx={{ mt: 2 }} data-testid="lock-notice">
              {translate("eduplan.reporting.entry.lockedSubmitted")}
            </Alert>
          ) : null}
          {!editable && (status === "draft" || status === "returned") ? (
            <Alert severity="info" sx={{ mt: 2 }}>
              {translate("eduplan.reporting.entry.readOnly")}
            </Alert>
          ) : null}

          <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: "wrap", rowGap: 1 }} data-testid="report-actions">
            <Button component={Link} to="/reports" startIcon={<ArrowBackIcon />}>
              {translate("eduplan.reporting.actions.back")}
            </Button>
            {editable ? (
              <Button variant="outlined" startIcon={<SaveIcon />} disabled={busy} onClick={() => void save()} data-testid="save-report">
                {translate("eduplan.reporting.actions.save")}
              </Button>
            ) : null}
            {grid.actions.submit ? (
              <Button variant="contained" startIcon={<SendIcon />} disabled={busy} onClick={() => void transition("submit")} data-testid="submit-report">
                {translate("eduplan.reporting.actions.submit")}
              </Button>
            ) : null}
            {grid.actions.return ? (
              <Button variant="outlined" color="warning" startIcon={<UndoIcon />} disabled={busy} onClick={() => setDialog("return")} data-testid="return-report">
                {translate("eduplan.reporting.actions.return")}
              </Button>
            ) : null}
            {grid.actions.approve ? (
              <Button variant="contained" color="success" startIcon={<CheckCircleIcon />} disabled={busy} onClick={() => void transition("approve")} data-testid="approve-report">
                {translate("eduplan.reporting.actions.approve")}
              </Button>
            ) : null}
            {grid.actions.reopen ? (
              <Button variant="outlined" startIcon={<LockOpenIcon />} disabled={busy} onClick={() => setDialog("reopen")} data-testid="reopen-report">
                {translate("eduplan.reporting.actions.reopen")}
              </Button>
            ) : null}
            {dirty ? (
              <Typography variant="body2" color="warning.main" sx={{ alignSelf: "center" }} data-testid="unsaved">
                {translate("eduplan.reporting.entry.unsaved")}
              </Typography>
            ) : null}
          </Stack>
        </CardContent>
      </Card>

      <Card sx={{ mt: 2 }}>
        <TableContainer sx={{ maxHeight: "calc(100vh - 220px)" }}>
          <Table size="small" stickyHeader data-testid="report-grid" sx={{ "& th, & td": { px: 0.75 }, "& th": { lineHeight: 1.3 } }}>
            <TableHead>
              <TableRow>
                <TableCell>#</TableCell>
                <TableCell>{translate("eduplan.reporting.grid.indicator")}</TableCell>
                <TableCell>{translate("eduplan.reporting.grid.target", { year: grid.plan?.periodEnd ?? 2030 })}</TableCell>
                <TableCell>{translate("eduplan.reporting.grid.milestone", { year: grid.year })}</TableCell>
                <TableCell>{translate("eduplan.reporting.grid.previous", { year: grid.year - 1 })}</TableCell>
                <TableCell>{translate("eduplan.reporting.grid.numerator")}</TableCell>
                <TableCell>{translate("eduplan.reporting.grid.denominator")}</TableCell>
                <TableCell>{translate("eduplan.reporting.grid.value")}</TableCell>
                <TableCell>{translate("eduplan.reporting.grid.comment")}</TableCell>
                <TableCell>{translate("eduplan.reporting.grid.achievement")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {grid.rows.map((row, i) => {
                const draft = drafts.get(row.indicatorId) ?? draftOf(row, locale);
                const original = draftOf(row, locale);
                const touched = (Object.keys(draft) as Field[]).some((k) => draft[k] !== original[k]);
                const errors = { ...(showAll || touched ? checks.get(row.indicatorId)?.errors : {}), ...serverErrors.get(row.indicatorId) };
                return (
                  <GridTableRow key={row.indicatorId} row={row} index={i} draft={draft} errors={errors} editable={editable && !busy} onChange={(f, v) => change(row.indicatorId, f, v)} />
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      </Card>

      {editable ? (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Typography variant="h6" gutterBottom>
              {translate("eduplan.reporting.excel.title")}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate("eduplan.reporting.excel.help")}
            </Typography>
            <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
              <TemplateButton localityId={grid.unit.id} year={grid.year} locked={isLockedGrid(grid)} />
            </Stack>
            <Divider sx={{ mb: 2 }} />
            <ExcelImport
              onImported={() => {
                void queryClient.invalidateQueries({ queryKey });
              }}
            />
          </CardContent>
        </Card>
      ) : null}

      <ActionDialog action={dialog} open={dialog !== null} busy={busy} onClose={() => setDialog(null)} onConfirm={(reason) => dialog && void transition(dialog, reason)} />
    </Box>
  );
}

export default ReportEntry;
