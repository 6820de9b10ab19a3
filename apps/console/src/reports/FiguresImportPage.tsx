import { useState } from "react";
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import UploadFile from "@mui/icons-material/UploadFile";
import Download from "@mui/icons-material/Download";
import { Title, useNotify, useTranslate } from "react-admin";
import type { RouterOutputs } from "@eduplan/api";
import { useUiLocale } from "../common/locale";
import { describeError } from "../errors";
import { formatCount } from "../format";
import { trpc } from "../trpc";
import { downloadFile, readAsBase64, uploadClient } from "./files";

type Result = RouterOutputs["reporting"]["importFigures"];

/**
 * Figures of many units × indicators × years in one file (`/figures-import`): the template to download, the file to
 * upload with its progress, and either what was written or every problem by row and column (nothing written then).
 */
export function FiguresImportPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const { locale } = useUiLocale();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const en = locale === "en";

  async function run() {
    if (!file) return;
    setResult(null);
    setProgress(0);
    try {
      const base64 = await readAsBase64(file, (f) => setProgress(f * 0.3));
      const client = uploadClient((f) => setProgress(0.3 + f * 0.4));
      const answer = await client.reporting.importFigures.mutate({ fileName: file.name, base64 });
      setResult(answer);
    } catch (e) {
      notify(describeError(e, locale).message, { type: "error" });
    } finally {
      setProgress(null);
    }
  }

  return (
    <Box sx={{ p: 2, maxWidth: 1100 }}>
      <Title title={translate("eduplan.figuresImport.title")} />
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate("eduplan.figuresImport.title")}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate("eduplan.figuresImport.help")}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: "center" }}>
            <Button startIcon={<Download />} onClick={() => void trpc.reporting.figuresTemplate.query().then(downloadFile)}>
              {translate("eduplan.figuresImport.template")}
            </Button>
            <Button component="label" variant="outlined" startIcon={<UploadFile />}>
              {file ? file.name : translate("eduplan.figuresImport.choose")}
              <input hidden type="file" accept=".csv,.xlsx" data-testid="figures-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </Button>
            <Button variant="contained" disabled={!file || progress !== null} onClick={() => void run()} data-testid="figures-import">
              {translate("eduplan.figuresImport.import")}
            </Button>
          </Stack>
          {progress !== null ? <LinearProgress variant={progress < 0.7 ? "determinate" : "indeterminate"} value={progress * 100} sx={{ mb: 2 }} /> : null}
          {result?.ok ? (
            <Alert severity="success" data-testid="figures-result">
              {translate("eduplan.figuresImport.done", { rows: formatCount(result.rows, locale), created: formatCount(result.created, locale), updated: formatCount(result.updated, locale) })}
            </Alert>
          ) : null}
          {result && !result.ok ? (
            <>
              <Alert severity="error" sx={{ mb: 1 }} data-testid="figures-result">
                {translate("eduplan.figuresImport.refused", { count: formatCount(result.problems.length, locale) })}
              </Alert>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate("eduplan.figuresImport.row")}</TableCell>
                    <TableCell>{translate("eduplan.figuresImport.column")}</TableCell>
                    <TableCell>{translate("eduplan.figuresImport.problem")}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {result.problems.slice(0, 500).map((p, i) => (
                    <TableRow key={i}>
                      <TableCell>{p.row || "—"}</TableCell>
                      <TableCell>{p.column || "—"}</TableCell>
                      <TableCell>{en ? p.message.en : p.message.vi}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
}
