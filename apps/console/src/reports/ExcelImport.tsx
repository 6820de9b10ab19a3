import { useRef, useState } from "react";
import {
  Alert,
  Box,
  Button,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import UploadFileIcon from "@mui/icons-material/UploadFile";
import DownloadIcon from "@mui/icons-material/Download";
import { useNotify, useTranslate } from "react-admin";
import type { RouterOutputs } from "@eduplan/api";
import { useUiLocale } from "../common/locale";
import { describeError } from "../errors";
import { trpc } from "../trpc";
import { downloadFile, progressId, readAsBase64, uploadClient } from "./files";

type ImportResult = RouterOutputs["reporting"]["importWorkbook"];
type Phase = "idle" | "reading" | "uploading" | "processing" | "done";

/** The progress bar's share of each phase: reading the file, uploading it, the server validating and writing. */
const SHARE = { reading: [0, 25], uploading: [25, 60], processing: [60, 100] } as const;

/** Downloads the prefilled template of a unit and year (creating the draft report first when the user may). */
/** A report that cannot take figures any more: submitted or approved, or its period closed. */
export const isLockedGrid = (g: { report: Record<string, unknown>; period: { isClosed: boolean } }) => !["draft", "returned"].includes(String(g.report.status)) || g.period.isClosed;

/** Download a unit's template; when its report is locked (submitted, approved, period closed) the officer is warned that the file is for reading only. */
export function TemplateButton({ localityId, year, ensureReport, disabled, locked }: { localityId: number | null; year: number; ensureReport?: boolean; disabled?: boolean; locked?: boolean }) {
  const translate = useTranslate();
  const notify = useNotify();
  const { locale } = useUiLocale();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="outlined"
      startIcon={<DownloadIcon />}
      disabled={disabled || busy || localityId === null}
      data-testid="download-template"
      onClick={async () => {
        if (localityId === null) return;
        setBusy(true);
        try {
          let readOnly = locked ?? false;
          if (ensureReport) readOnly = isLockedGrid(await trpc.reports.forUnit.mutate({ localityId, year })) || readOnly;
          downloadFile(await trpc.reporting.template.query({ localityId, year }));
          if (readOnly) notify("eduplan.reporting.excel.lockedTemplate", { type: "warning", autoHideDuration: 10000 });
        } catch (error) {
          notify(describeError(error, locale).message, { type: "error" });
        } finally {
          setBusy(false);
        }
      }}
    >
      {translate("eduplan.reporting.excel.downloadTemplate")}
    </Button>
  );
}

/**
 * Upload a filled template: a determinate progress bar through reading the file, uploading it and the server's own
 * progress (validating, then writing); the row-level errors when the file is refused (nothing is written then).
 */
export function ExcelImport({ onImported }: { onImported?: (result: Extract<ImportResult, { ok: true }>) => void }) {
  const translate = useTranslate();
  const { locale } = useUiLocale();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [percent, setPercent] = useState(0);
  const [fileName, setFileName] = useState("");
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const at = (p: keyof typeof SHARE, fraction: number) => {
    const [from, to] = SHARE[p];
    setPercent((prev) => Math.max(prev, from + (to - from) * Math.min(1, Math.max(0, fraction))));
  };

  async function run(file: File) {
    setResult(null);
    setFailure(null);
    setPercent(0);
    setFileName(file.name);
    setPhase("reading");
    let polling: ReturnType<typeof setInterval> | null = null;
    try {
      const base64 = await readAsBase64(file, (f) => at("reading", f));
      setPhase("uploading");
      const id = progressId();
      const client = uploadClient((f) => {
        at("uploading", f);
        if (f >= 1) {
          setPhase("processing");
          // The server's progress while it validates and writes.
          polling ??= setInterval(() => {
            trpc.reporting.importProgress
              .query({ progressId: id })
              .then((p) => at("processing", p.fraction))
              .catch(() => {});
          }, 150);
        }
      });
      const answer = await client.reporting.importWorkbook.mutate({ base64, progressId: id });
      setPercent(100);
      setResult(answer);
      if (answer.ok) onImported?.(answer);
    } catch (error) {
      setPercent(100);
      setFailure(describeError(error, locale).message);
    } finally {
      if (polling) clearInterval(polling);
      setPhase("done");
      if (input.current) input.current.value = "";
    }
  }

  const busy = phase === "reading" || phase === "uploading" || phase === "processing";
  return (
    <Box data-testid="excel-import">
      <input
        ref={input}
        type="file"
        hidden
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="excel-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void run(file);
        }}
      />
      <Button variant="contained" startIcon={<UploadFileIcon />} disabled={busy} onClick={() => input.current?.click()} data-testid="upload-workbook">
        {translate("eduplan.reporting.excel.upload")}
      </Button>
      {phase !== "idle" ? (
        <Box sx={{ mt: 2 }}>
          <Stack direction="row" sx={{ justifyContent: "space-between", mb: 0.5 }}>
            <Typography variant="body2" color="text.secondary">
              {fileName} — {translate(`eduplan.reporting.excel.phase.${phase}`)}
            </Typography>
            <Typography variant="body2" color="text.secondary" data-testid="import-percent">
              {Math.round(percent)}%
            </Typography>
          </Stack>
          <LinearProgress variant="determinate" value={percent} data-testid="import-progress" color={failure || (result && !result.ok) ? "error" : "primary"} />
        </Box>
      ) : null}
      {failure ? (
        <Alert severity="error" sx={{ mt: 2 }} data-testid="import-failure">
          {failure}
        </Alert>
      ) : null}
      {result?.ok ? (
        <Alert severity="success" sx={{ mt: 2 }} data-testid="import-success">
          {translate("eduplan.reporting.excel.imported", { smart_count: result.written })}
        </Alert>
      ) : null}
      {result && !result.ok ? (
        <Box sx={{ mt: 2 }} data-testid="import-errors">
          <Alert severity="error" sx={{ mb: 1 }}>
            {translate("eduplan.reporting.excel.refused", { smart_count: result.errors.length })}
          </Alert>
          <TableContainer sx={{ maxHeight: 360 }}>
            <Table size="small" stickyHeader>
              <TableHead>
                <TableRow>
                  <TableCell>{translate("eduplan.reporting.excel.row")}</TableCell>
                  <TableCell>{translate("eduplan.reporting.excel.column")}</TableCell>
                  <TableCell>{translate("eduplan.reporting.excel.problem")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.errors.map((err, i) => (
                  <TableRow key={i} data-testid="import-error-row">
                    <TableCell>{err.row || "—"}</TableCell>
                    <TableCell>{err.column ? `${err.column}${err.header ? ` (${err.header})` : ""}` : "—"}</TableCell>
                    <TableCell>{locale === "en" ? err.message.en : err.message.vi}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Box>
      ) : null}
    </Box>
  );
}
