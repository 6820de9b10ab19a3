import { useEffect, useMemo, useState } from "react";
import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography } from "@mui/material";
import SaveIcon from "@mui/icons-material/Save";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useDataProvider, useGetList, useNotify, useRecordContext, useTranslate } from "react-admin";
import { LINEAR_ROADMAP_LABEL, formatMilestone } from "@eduplan/domain";
import { useUiLocale } from "../common/locale";
import { describeError } from "../errors";
import { formatNumber, formatTargetValue, parseDecimal } from "../format";
import { trpc } from "../trpc";

type Roadmap = Awaited<ReturnType<typeof trpc.progress.roadmap.query>>;

/** What is typed in a year's cell, the stored milestone, and the straight-line figure shown when the cell is empty. */
type Cell = { year: number; text: string; milestoneId: number | null; expected: Roadmap["years"][number]["expected"] };

/**
 * The roadmap of a target as a row of years: each year's milestone (editable), or — where none is set — the figure on
 * the straight line from the baseline or the first reported year to the target, greyed and labelled "ước tính theo
 * lộ trình đều". Typing a figure sets a milestone for the year; clearing it goes back to the straight line. Saved
 * through the data provider's `milestones` resource (create / update / delete).
 */
export function RoadmapEditor() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const { locale } = useUiLocale();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const targetId = record?.id as number | undefined;
  const roadmap = useQuery({
    queryKey: ["eduplan", "roadmap", targetId],
    queryFn: () => trpc.progress.roadmap.query({ targetId: targetId! }),
    enabled: targetId !== undefined,
    retry: false,
  });
  const { data: milestones, refetch } = useGetList(
    "milestones",
    { filter: { targetId }, sort: { field: "year", order: "ASC" }, pagination: { page: 1, perPage: 200 } },
    { enabled: targetId !== undefined },
  );
  const [cells, setCells] = useState<Cell[]>([]);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [saving, setSaving] = useState(false);
  const unit = roadmap.data?.indicator.unit ?? "";

  const initial = useMemo<Cell[]>(
    () =>
      (roadmap.data?.years ?? []).map((y) => {
        const m = (milestones ?? []).find((x) => x.year === y.year);
        return { year: y.year, text: m ? formatNumber(m.value as number, locale, 6).replace(/\s/g, "") : "", milestoneId: (m?.id as number | undefined) ?? null, expected: y.expected };
      }),
    [roadmap.data, milestones, locale],
  );
  useEffect(() => setCells(initial), [initial]);

  if (!record || targetId === undefined) return null;
  if (roadmap.error) return <Alert severity="error">{describeError(roadmap.error, locale).message}</Alert>;
  if (!roadmap.data) return null;
  const years = roadmap.data.years;
  const changed = cells.filter((c, i) => c.text.trim() !== (initial[i]?.text ?? ""));

  const save = async () => {
    const errs: Record<number, string> = {};
    const parsed = changed.map((c) => ({ cell: c, value: parseDecimal(c.text, locale) }));
    for (const { cell, value } of parsed) {
      if (value !== null && Number.isNaN(value)) errs[cell.year] = translate("eduplan.errors.invalidNumber");
      else if (value !== null && value < 0) errs[cell.year] = translate("eduplan.roadmap.negative");
      else if (value !== null && unit === "percent" && value > 100) errs[cell.year] = translate("eduplan.reporting.errors.percentAbove100");
    }
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setSaving(true);
    try {
      for (const { cell, value } of parsed) {
        const previous = (milestones ?? []).find((m) => m.id === cell.milestoneId);
        if (value === null) {
          if (previous) await dataProvider.delete("milestones", { id: previous.id, previousData: previous });
        } else if (previous) await dataProvider.update("milestones", { id: previous.id, data: { value }, previousData: previous });
        else await dataProvider.create("milestones", { data: { targetId, year: cell.year, value, valueMax: null, isSynthetic: false } });
      }
      notify("eduplan.roadmap.saved", { type: "success" });
    } catch (e) {
      notify(describeError(e, locale).message, { type: "error" });
    } finally {
      setSaving(false);
      await refetch();
      await queryClient.invalidateQueries({ queryKey: ["eduplan", "roadmap", targetId] });
    }
  };

  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="roadmap-editor">
      <Typography variant="subtitle2" color="primary" sx={{ mt: 1 }}>
        {translate("eduplan.roadmap.title")}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate("eduplan.roadmap.intro", {
          target: formatTargetValue(roadmap.data.target, unit, locale),
          label: LINEAR_ROADMAP_LABEL[locale],
        })}
      </Typography>
      {years.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate("eduplan.roadmap.noYears")}
        </Typography>
      ) : (
        <Box sx={{ overflowX: "auto" }}>
          <Table size="small" sx={{ width: "auto" }}>
            <TableHead>
              <TableRow>
                {cells.map((c) => (
                  <TableCell key={c.year} align="center" sx={{ fontWeight: 600 }}>
                    {c.year}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              <TableRow>
                {cells.map((c, i) => {
                  const estimate = c.expected?.source === "linear" ? formatMilestone(c.expected, unit, locale, { maxDecimals: 1 }) : "";
                  // The target year holds the target itself.
                  const isTargetYear = c.year === (roadmap.data.target.targetYear ?? roadmap.data.period.end);
                  const hint = estimate ? LINEAR_ROADMAP_LABEL[locale] : isTargetYear ? translate("eduplan.roadmap.target") : " ";
                  return (
                    <TableCell key={c.year} align="center" sx={{ verticalAlign: "top", minWidth: 96 }}>
                      <TextField
                        size="small"
                        value={c.text}
                        placeholder={estimate || (isTargetYear ? formatTargetValue(roadmap.data.target, unit, locale) : "")}
                        error={!!errors[c.year]}
                        helperText={errors[c.year] ?? (c.text.trim() === "" ? hint : c.milestoneId ? translate("eduplan.roadmap.milestone") : " ")}
                        onChange={(e) => setCells((all) => all.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
                        slotProps={{
                          htmlInput: { inputMode: "decimal", "data-testid": `roadmap-${c.year}`, "aria-label": `${translate("eduplan.roadmap.title")} ${c.year}`, style: { textAlign: "right" } },
                          formHelperText: { sx: { mx: 0, textAlign: "center", fontStyle: c.text.trim() === "" ? "italic" : "normal" } },
                        }}
                        sx={{ width: 96 }}
                      />
                    </TableCell>
                  );
                })}
              </TableRow>
            </TableBody>
          </Table>
        </Box>
      )}
      <Stack direction="row" sx={{ gap: 2, alignItems: "center", mt: 1 }}>
        <Button variant="contained" startIcon={<SaveIcon />} disabled={saving || changed.length === 0} onClick={() => void save()} data-testid="roadmap-save">
          {translate("eduplan.roadmap.save")}
        </Button>
        {roadmap.data.firstReported ? (
          <Tooltip title={translate("eduplan.roadmap.fromHint")}>
            <Typography variant="caption" color="text.secondary">
              {translate("eduplan.roadmap.from", { year: roadmap.data.firstReported.year, value: formatMilestone(roadmap.data.firstReported, unit, locale, { maxDecimals: 1 }) })}
            </Typography>
          </Tooltip>
        ) : null}
      </Stack>
    </Box>
  );
}
