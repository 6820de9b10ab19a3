import { useState } from "react";
import { Box, Button, Card, CardContent, Chip, Typography } from "@mui/material";
import { LineChart } from "@mui/x-charts/LineChart";
import { useTranslate } from "react-admin";
import { useUiLocale } from "../common/locale";
import { LINEAR_ROADMAP_LABEL } from "@eduplan/domain";
import { formatTargetValue, formatValue, uiLocale } from "../format";

export interface ChartSeries {
  id: number;
  title: string;
  unit: string;
  years: number[];
  actual: (number | null)[];
  roadmap: (number | null)[];
  /** Some roadmap points are derived on a straight line, not set as milestones. */
  roadmapEstimated?: boolean;
  target: number | null;
  targetYear: number | null;
  comparator: string;
  state: string;
}

const STATE_COLORS: Record<string, "success" | "info" | "warning" | "error" | "default"> = {
  achieved: "success",
  onTrack: "info",
  atRisk: "warning",
  notAchieved: "error",
  noData: "default",
};

const INITIAL = 6;

/**
 * One small line chart per indicator: the actual figures of each year, the roadmap's milestones and the target
 * (MUI X Charts; this module is loaded lazily so the charts library stays out of the first bundle).
 */
export function IndicatorCharts({ series }: { series: ChartSeries[] }) {
  const translate = useTranslate();
  const { locale } = useUiLocale();
  const [all, setAll] = useState(false);
  const shown = all ? series : series.slice(0, INITIAL);
  return (
    <>
      <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", md: "1fr 1fr", xl: "1fr 1fr 1fr" }, gap: 2 }} data-testid="indicator-charts">
        {shown.map((s) => {
          const format = (v: number | null) => (v === null ? "—" : formatValue(v, s.unit, locale));
          const hasRoadmap = s.roadmap.some((v) => v !== null);
          return (
            <Card key={s.id}>
              <CardContent sx={{ pb: 0 }}>
                <Box sx={{ display: "flex", gap: 1, alignItems: "flex-start", justifyContent: "space-between" }}>
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {s.title}
                  </Typography>
                  <Chip size="small" color={STATE_COLORS[s.state] ?? "default"} label={translate(`eduplan.enum.targetState.${s.state}`)} />
                </Box>
                <Typography variant="caption" color="text.secondary">
                  {translate("eduplan.dashboard.chartTarget")}: {formatTargetValue({ comparator: s.comparator, value: s.target, valueMax: null }, s.unit, locale)}
                  {s.targetYear ? ` (${s.targetYear})` : ""}
                </Typography>
              </CardContent>
              <LineChart
                height={200}
                margin={{ left: 8, right: 16, top: 16, bottom: 8 }}
                xAxis={[{ data: s.years, scaleType: "point", valueFormatter: (v: number) => String(v) }]}
                yAxis={[{ valueFormatter: (v: number | null) => format(v), width: 56 }]}
                series={[
                  { id: "actual", data: s.actual, label: translate("eduplan.dashboard.chartActual"), valueFormatter: format, color: "#1976d2" },
                  ...(hasRoadmap
                    ? [{ id: "roadmap", data: s.roadmap, label: s.roadmapEstimated ? `${translate("eduplan.dashboard.chartMilestone")} (${LINEAR_ROADMAP_LABEL[uiLocale(locale)]})` : translate("eduplan.dashboard.chartMilestone"), valueFormatter: format, connectNulls: true, color: "#9e9e9e" }]
                    : []),
                  ...(s.target !== null
                    ? [{ id: "target", data: s.years.map((y) => (s.targetYear === null || y <= s.targetYear ? s.target : null)), label: translate("eduplan.dashboard.chartTarget"), valueFormatter: format, showMark: false, color: "#2e7d32" }]
                    : []),
                ]}
                slotProps={{ legend: { direction: "horizontal", position: { vertical: "bottom", horizontal: "center" } } }}
                sx={{ "& .MuiLineElement-series-target, & [data-series='target']": { strokeDasharray: "6 4" } }}
              />
            </Card>
          );
        })}
      </Box>
      {series.length > INITIAL ? (
        <Button sx={{ mt: 1 }} onClick={() => setAll((v) => !v)}>
          {all ? translate("eduplan.dashboard.showFewer") : translate("eduplan.dashboard.showAll", { count: series.length })}
        </Button>
      ) : null}
    </>
  );
}

export default IndicatorCharts;
