import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Box, Card, CardContent, CircularProgress, MenuItem, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Tooltip, Typography } from "@mui/material";
import { Title, usePermissions, useTranslate } from "react-admin";
import type { RouterOutputs } from "@eduplan/api";
import { formatValue } from "@eduplan/domain";
import { ErrorState } from "../common/ErrorState";
import { localName, useUiLocale } from "../common/locale";
import type { ConsolePermissions } from "../permissions";
import { trpc } from "../trpc";

type AreaDashboard = RouterOutputs["progress"]["areaDashboard"];
type TargetState = AreaDashboard["cells"][number]["evaluation"]["state"];

const STATE_BACKGROUND: Record<TargetState, string> = {
  achieved: "#e6f4ea",
  onTrack: "#e8f0fe",
  atRisk: "#fef7e0",
  notAchieved: "#fce8e6",
  noData: "transparent",
};
const STATES: TargetState[] = ["achieved", "onTrack", "atRisk", "notAchieved", "noData"];

/** How many children stand in each state, per indicator: a bar of five colours. */
function StateBar({ counts, total }: { counts: Record<TargetState, number>; total: number }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" sx={{ height: 10, width: 120, borderRadius: 1, overflow: "hidden", border: "1px solid #ddd" }}>
      {STATES.map((s) =>
        counts[s] ? (
          <Tooltip key={s} title={`${translate(`eduplan.areaDashboard.states.${s}`)}: ${counts[s]}`}>
            <Box sx={{ width: `${(100 * counts[s]) / Math.max(1, total)}%`, bgcolor: s === "noData" ? "#f1f3f4" : STATE_BACKGROUND[s].replace("transparent", "#f1f3f4"), borderRight: "1px solid #fff" }} />
          </Tooltip>
        ) : null,
      )}
    </Stack>
  );
}

/**
 * The dashboard of a whole area (`/area-dashboard`): every province of the nation (administrators) or every commune
 * of the user's province × every indicator of the plan, coloured by the one evaluation, from the live aggregates.
 */
export function AreaDashboardPage() {
  const translate = useTranslate();
  const { locale } = useUiLocale();
  const { permissions } = usePermissions<ConsolePermissions | null>();
  const [year, setYear] = useState(new Date().getFullYear());
  const isAdmin = !!permissions?.isAdmin;
  const localityId = permissions?.scopeLocalityId ?? null;
  const { data, error, isPending, refetch } = useQuery({
    queryKey: ["eduplan", "progress.areaDashboard", isAdmin ? "nation" : localityId, year],
    queryFn: (): Promise<AreaDashboard> =>
      isAdmin ? trpc.progress.nationalDashboard.query({ year }) : trpc.progress.areaDashboard.query({ localityId: localityId!, year }),
    enabled: isAdmin || localityId !== null,
  });
  const en = locale === "en";
  const cellOf = (childId: number, indicatorId: number) => data?.cells.find((c) => c.childId === childId && c.indicatorId === indicatorId);
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate("eduplan.areaDashboard.title")} />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: "center" }}>
        <Typography variant="h6">
          {data ? translate("eduplan.areaDashboard.heading", { area: data.locality.nameVi }) : translate("eduplan.areaDashboard.title")}
        </Typography>
        <TextField select size="small" label={translate("eduplan.areaDashboard.year")} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 120 }}>
          {Array.from({ length: 8 }, (_, i) => new Date().getFullYear() + 1 - i).map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <CircularProgress /> : null}
      {data ? (
        <Card variant="outlined">
          <CardContent>
            {data.plan ? (
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate("eduplan.areaDashboard.against", { plan: data.plan.number ? `${data.plan.number} — ${localName(data.plan, locale, "title")}` : localName(data.plan, locale, "title") })}
              </Typography>
            ) : (
              <Typography>{translate("eduplan.areaDashboard.noPlan")}</Typography>
            )}
            <TableContainer sx={{ maxHeight: "70vh" }}>
              <Table size="small" stickyHeader data-testid="area-dashboard">
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ minWidth: 320 }}>{translate("eduplan.areaDashboard.indicator")}</TableCell>
                    <TableCell>{translate("eduplan.areaDashboard.states.title")}</TableCell>
                    {data.children.map((c) => (
                      <TableCell key={c.id} align="right" sx={{ whiteSpace: "nowrap" }}>
                        {c.nameVi}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.indicators.map((i) => (
                    <TableRow key={i.id}>
                      <TableCell>{en ? i.nameEn : i.nameVi}</TableCell>
                      <TableCell>
                        <StateBar counts={data.summary[i.id]!} total={data.children.length} />
                      </TableCell>
                      {data.children.map((c) => {
                        const cell = cellOf(c.id, i.id);
                        const state = cell?.evaluation.state ?? "noData";
                        return (
                          <Tooltip key={c.id} title={cell ? (en ? cell.evaluation.reason.en : cell.evaluation.reason.vi) : ""}>
                            <TableCell align="right" sx={{ bgcolor: STATE_BACKGROUND[state], whiteSpace: "nowrap" }} data-state={state}>
                              {cell?.value !== null && cell?.value !== undefined ? formatValue(cell.value, i.unit, locale) : "—"}
                            </TableCell>
                          </Tooltip>
                        );
                      })}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
}
