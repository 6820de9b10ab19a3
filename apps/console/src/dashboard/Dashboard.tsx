import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { Alert, Box, Button, Card, CardContent, FormControl, InputLabel, MenuItem, Select, Skeleton, Stack, Typography } from "@mui/material";
import CheckCircle from "@mui/icons-material/CheckCircle";
import TrendingUp from "@mui/icons-material/TrendingUp";
import Warning from "@mui/icons-material/Warning";
import HelpOutline from "@mui/icons-material/HelpOutlineOutlined";
import Cancel from "@mui/icons-material/Cancel";
import { useQueries, useQuery } from "@tanstack/react-query";
import { Link } from "react-router-dom";
import { Loading, Title, useGetIdentity, useGetList, useGetMany, useTranslate } from "react-admin";
import { ErrorState } from "../common/ErrorState";
import { localName, useUiLocale } from "../common/locale";
import { describeError } from "../errors";
import { trpc } from "../trpc";
import { PluginWidgets } from "../plugins/PluginWidgets";
import type { ChartSeries } from "./IndicatorCharts";

const IndicatorCharts = lazy(() => import("./IndicatorCharts"));

type Progress = Awaited<ReturnType<typeof trpc.progress.planProgress.query>>;

const STATE_CARDS = [
  { state: "achieved", color: "success.main", Icon: CheckCircle },
  { state: "onTrack", color: "info.main", Icon: TrendingUp },
  { state: "atRisk", color: "warning.main", Icon: Warning },
  { state: "noData", color: "text.secondary", Icon: HelpOutline },
] as const;

function StateCard({ state, count, color, Icon }: { state: string; count: number; color: string; Icon: typeof CheckCircle }) {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: "1 1 180px", minWidth: 180 }} data-testid={`state-card-${state}`}>
      <CardContent sx={{ display: "flex", alignItems: "center", gap: 2 }}>
        <Icon sx={{ fontSize: 40, color }} />
        <Box>
          <Typography variant="h4" component="div" sx={{ lineHeight: 1 }}>
            {count}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate(`eduplan.enum.targetState.${state}`)}
          </Typography>
        </Box>
      </CardContent>
    </Card>
  );
}

const CURRENT_YEAR = new Date().getFullYear();

/** The years of a plan's period (at most eleven; the last four years when the period is unknown). */
function periodYears(plan: { periodStart?: number | null; periodEnd?: number | null } | undefined): number[] {
  const start = plan?.periodStart ?? CURRENT_YEAR - 3;
  const end = Math.max(start, Math.min(plan?.periodEnd ?? CURRENT_YEAR, start + 10));
  const years: number[] = [];
  for (let y = start; y <= end; y++) years.push(y);
  return years;
}

/** The years with possible figures: the period up to this year (the year selector's choices). */
function yearsOf(plan: { periodStart?: number | null; periodEnd?: number | null } | undefined): number[] {
  const years = periodYears(plan).filter((y) => y <= CURRENT_YEAR);
  return years.length ? years : [CURRENT_YEAR];
}

/**
 * The user's locality at a glance: its plan's targets by state for a year (`progress.planProgress`) and, per
 * indicator, the actual figures against the roadmap and the target (charts, loaded lazily).
 */
export function Dashboard() {
  const translate = useTranslate();
  const { locale } = useUiLocale();
  const { identity, isPending: identityPending } = useGetIdentity();
  const localityId = (identity?.localityId as number | null | undefined) ?? null;
  const { data: plans, isPending: plansPending, error: plansError } = useGetList(
    "plans",
    { filter: localityId ? { localityId } : {}, sort: { field: "issuedOn", order: "DESC" }, pagination: { page: 1, perPage: 50 } },
    { enabled: !identityPending },
  );
  const [planId, setPlanId] = useState<number | null>(null);
  // Without a locality of their own (administrators), the dashboard opens on a province's plan, not a commune's.
  const { data: planLocalities } = useGetMany("localities", { ids: [...new Set((plans ?? []).map((p) => p.localityId as number))] }, { enabled: !identityPending && !localityId && !!plans?.length });
  useEffect(() => {
    if (planId !== null || !plans?.length) return;
    if (localityId) return setPlanId(plans[0]!.id as number);
    if (!planLocalities) return;
    const provinces = new Set(planLocalities.filter((l) => l.levelCode === "province").map((l) => l.id));
    setPlanId(((plans.find((p) => provinces.has(p.localityId as number)) ?? plans[0])!.id) as number);
  }, [plans, planId, localityId, planLocalities]);
  const plan = plans?.find((p) => p.id === planId);
  const years = useMemo(() => yearsOf(plan), [plan]);
  const axisYears = useMemo(() => periodYears(plan), [plan]);
  const [year, setYear] = useState<number>(CURRENT_YEAR);
  useEffect(() => {
    if (!years.includes(year)) setYear(years[years.length - 1]!);
  }, [years, year]);

  const progress = useQuery({
    queryKey: ["eduplan", "planProgress", planId, year],
    queryFn: () => trpc.progress.planProgress.query({ planId: planId!, year }),
    enabled: planId !== null,
    retry: false,
  });
  // Every year of the period, for the charts (batched into one request by the tRPC client).
  const history = useQueries({
    queries: years.map((y) => ({
      queryKey: ["eduplan", "planProgress", planId, y],
      queryFn: () => trpc.progress.planProgress.query({ planId: planId!, year: y }),
      enabled: planId !== null,
      retry: false,
    })),
  });
  const targetIds = (progress.data?.targets ?? []).map((t) => t.target.id);
  const { data: milestones } = useGetList(
    "milestones",
    { filter: { targetId: targetIds }, pagination: { page: 1, perPage: 5000 }, sort: { field: "year", order: "ASC" } },
    { enabled: targetIds.length > 0 },
  );

  const series: ChartSeries[] = useMemo(() => {
    const byYear = new Map<number, Progress>();
    history.forEach((q, i) => q.data && byYear.set(years[i]!, q.data));
    const rows = progress.data?.targets ?? [];
    return rows
      .map((row) => {
        const actual = axisYears.map((y) => byYear.get(y)?.targets.find((t) => t.target.id === row.target.id)?.actual.value ?? null);
        // The roadmap figure of each year as the evaluation judged it: a milestone, else the straight line (estimated).
        const expected = axisYears.map((y) => byYear.get(y)?.targets.find((t) => t.target.id === row.target.id)?.evaluation.expected ?? null);
        const roadmap = axisYears.map((y, i) => expected[i]?.value ?? (milestones ?? []).find((m) => m.targetId === row.target.id && m.year === y)?.value ?? null);
        const roadmapEstimated = expected.some((e) => e?.source === "linear");
        return {
          id: row.target.id,
          title: localName(row.indicator, locale),
          unit: row.indicator.unit,
          years: axisYears,
          actual,
          roadmap,
          roadmapEstimated,
          target: row.target.value,
          targetYear: row.target.targetYear,
          comparator: row.target.comparator,
          state: row.evaluation.state,
        };
      })
      .filter((s) => s.actual.some((v) => v !== null));
  }, [history, progress.data, milestones, years, axisYears, locale]);

  if (identityPending || plansPending) return <Loading />;
  if (plansError) return <ErrorState error={plansError} />;
  const localityName = identity?.locality ? localName(identity.locality as Record<string, unknown>, locale) : "";

  return (
    <Box sx={{ mt: 2 }} data-testid="dashboard">
      <Title title={translate("eduplan.dashboard.title")} />
      <Box sx={{ mb: 2 }}>
        <Typography variant="h5" component="h1">
          {translate("eduplan.dashboard.welcome", { name: identity?.fullName ?? "" })}
        </Typography>
        {localityName ? (
          <Typography variant="body2" color="text.secondary">
            {translate("eduplan.dashboard.localityPlan", { locality: localityName })}
          </Typography>
        ) : null}
      </Box>
      {/* Widgets of the plugins enabled for the user's province (slot dashboard.main). */}
      <PluginWidgets slot="dashboard.main" />
      {plans && plans.length > 0 ? (
        <Stack direction="row" sx={{ flexWrap: "wrap", gap: 2, alignItems: "center", mb: 2 }}>
          <FormControl size="small" sx={{ width: { xs: "100%", md: 520 } }}>
            <InputLabel id="dashboard-plan">{translate("eduplan.dashboard.choosePlan")}</InputLabel>
            <Select labelId="dashboard-plan" label={translate("eduplan.dashboard.choosePlan")} value={planId ?? ""} onChange={(e) => setPlanId(Number(e.target.value))} data-testid="dashboard-plan">
              {plans.map((p) => (
                <MenuItem key={p.id} value={p.id as number}>
                  {p.number ? `${String(p.number)} — ` : ""}
                  {String(localName(p, locale, "title")).slice(0, 80)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl size="small" sx={{ width: 140 }}>
            <InputLabel id="dashboard-year">{translate("eduplan.dashboard.year")}</InputLabel>
            <Select labelId="dashboard-year" label={translate("eduplan.dashboard.year")} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <MenuItem key={y} value={y}>
                  {y}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          {planId !== null ? (
            <Button component={Link} to={`/plans/${planId}/show`} variant="outlined">
              {translate("eduplan.dashboard.openPlan")}
            </Button>
          ) : null}
        </Stack>
      ) : null}

      {!plans || plans.length === 0 ? (
        <Alert severity="info">{translate("eduplan.dashboard.noPlan")}</Alert>
      ) : progress.error ? (
        <ErrorState error={Object.assign(new Error(describeError(progress.error, locale).message), { status: describeError(progress.error, locale).status })} onRetry={() => void progress.refetch()} />
      ) : (
        <>
          <Typography variant="subtitle1" sx={{ mb: 1 }}>
            {translate("eduplan.dashboard.targetsByState", { year })}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: "wrap", gap: 2, mb: 3 }}>
            {progress.data
              ? STATE_CARDS.map(({ state, color, Icon }) => <StateCard key={state} state={state} count={progress.data.summary[state] ?? 0} color={color} Icon={Icon} />)
              : STATE_CARDS.map(({ state }) => <Skeleton key={state} variant="rounded" sx={{ flex: "1 1 180px", height: 88 }} />)}
            {progress.data && (progress.data.summary.notAchieved ?? 0) > 0 ? (
              <StateCard state="notAchieved" count={progress.data.summary.notAchieved} color="error.main" Icon={Cancel} />
            ) : null}
          </Stack>
          <Typography variant="subtitle1" sx={{ mb: 1 }}>
            {translate("eduplan.dashboard.charts")}
          </Typography>
          {progress.isPending ? (
            <Skeleton variant="rounded" height={240} />
          ) : series.length === 0 ? (
            <Alert severity="info">{translate("eduplan.dashboard.noCharts")}</Alert>
          ) : (
            <Suspense fallback={<Skeleton variant="rounded" height={240} />}>
              <IndicatorCharts series={series} />
            </Suspense>
          )}
          <Typography variant="caption" color="text.secondary" sx={{ display: "block", mt: 2 }}>
            {translate("eduplan.dashboard.synthetic")}
          </Typography>
        </>
      )}
    </Box>
  );
}

export default Dashboard;
