import { VnDatePicker } from "../common/dateInput";
import { INVALID_DATE } from "../common/dateValue";
import { useMemo, useState, type ReactNode } from "react";
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  IconButton,
  InputLabel,
  MenuItem,
  Select,
  Stack,
  Step,
  StepButton,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from "@mui/material";
import Delete from "@mui/icons-material/Delete";
import Add from "@mui/icons-material/Add";
import { Title, useCanAccess, useDataProvider, useGetList, useNotify, useTranslate, Loading } from "react-admin";
import { ErrorState } from "../common/ErrorState";
import { localName, useUiLocale } from "../common/locale";
import { CHOICES } from "../enums";
import { describeError } from "../errors";
import { formatTargetValue, parseDecimal } from "../format";
import { trpc } from "../trpc";
import { useEnabledPlugins } from "../plugins/registry";
import {
  checkConfig,
  codeFromName,
  copyTargets,
  flattenTargets,
  stepOfPath,
  targetPaths,
  toProvinceFile,
  wizardPath,
  type AgencyEntry,
  type LocalityEntry,
  type ProvinceConfig,
  type StoredTarget,
  type TargetEntry,
} from "./config";

const STEPS = ["province", "localities", "agencies", "plugins", "plan", "review"] as const;
const LEVELS = ["commune", "ward"] as const;
const YEAR = new Date().getFullYear();

const emptyConfig = (): ProvinceConfig => ({
  province: { code: "", nameVi: "", parent: "vn", reportDeadline: "12-10" },
  plugins: [],
  localities: [],
  agencies: [],
  users: [],
  indicators: [],
  plans: [{ code: "", documentKind: "plan", titleVi: "", locality: "", periodStart: YEAR, periodEnd: 2030, visionYear: 2045, status: "draft", targets: [] }],
});

type Errors = Record<string, string>;

function useErrorText(errors: Errors) {
  const translate = useTranslate();
  return (path: string) => {
    const e = errors[path];
    return e ? translate(e, { _: e }) : undefined;
  };
}

function Field({ label, path, errors, ...props }: { label: string; path: string; errors: Errors } & Omit<React.ComponentProps<typeof TextField>, "label">) {
  const translate = useTranslate();
  const error = useErrorText(errors)(path);
  return <TextField size="small" label={translate(label)} error={!!error} helperText={error} fullWidth slotProps={{ htmlInput: { "data-path": path } }} {...props} />;
}

/** A date of the wizard: the console's date picker (dd/mm/yyyy), the ISO date in the file, the server's error under it. */
function DateField({ label, path, errors, value, onChange }: { label: string; path: string; errors: Errors; value: string | undefined; onChange: (iso: string | null) => void }) {
  const translate = useTranslate();
  const error = useErrorText(errors)(path);
  return <VnDatePicker label={translate(label)} value={value} onChange={onChange} error={!!error || value === INVALID_DATE} helperText={error || (value === INVALID_DATE ? translate("eduplan.errors.invalidDate") : undefined)} testId={`date-${path}`} sx={{ width: "100%" }} />;
}

function Rows({ children, empty, columns }: { children: ReactNode[]; empty: string; columns: string[] }) {
  const translate = useTranslate();
  if (!children.length) return <Alert severity="info" sx={{ my: 1 }}>{translate(empty)}</Alert>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {columns.map((c) => (
            <TableCell key={c}>{c ? translate(c) : ""}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>{children}</TableBody>
    </Table>
  );
}

/**
 * The province setup wizard (system administrators): the province, its communes and wards, its agencies, its
 * plugins and its plan — targets copied from the parent plan, then adjusted — built as one province file
 * (`ProvinceConfigSchema`) and sent to `provinceSetup.create`, which validates the whole file and applies it in one
 * transaction, like `pnpm eduplan province init`. Its field errors are shown on the step and field they concern.
 */
/** "12-10" (as the province file stores it) ↔ "10/12" (day/month, as Vietnamese write it). */
const dayMonthOf = (mmdd: string) => {
  const m = /^(\d{2})-(\d{2})$/.exec(mmdd);
  return m ? `${Number(m[2])}/${Number(m[1])}` : mmdd;
};
const mmddOf = (text: string) => {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*$/.exec(text);
  return m ? `${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : text;
};

/** The yearly deadline typed day first ("10/12"); the file keeps "MM-DD". */
function DeadlineField({ value, errors, onChange }: { value: string; errors: Record<string, string>; onChange: (mmdd: string) => void }) {
  const [text, setText] = useState(() => dayMonthOf(value));
  return (
    <Field
      label="eduplan.provinceSetup.reportDeadline"
      path="province.reportDeadline"
      errors={errors}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(mmddOf(e.target.value));
      }}
    />
  );
}

/** The review step, as an officer reads it: the province, its units, agencies, plugins and plan with its targets. */
function ReviewSummary({ config, indicatorNames, pluginNames }: { config: ProvinceConfig; indicatorNames: Map<string, string>; pluginNames: Map<string, string> }) {
  const translate = useTranslate();
  const { locale } = useUiLocale();
  const t = (key: string, options?: Record<string, unknown>) => translate(`eduplan.provinceSetup.summary.${key}`, options);
  const plan = config.plans[0];
  const targets = plan?.targets ?? [];
  const line = (label: string, value: ReactNode) => (
    <Box sx={{ display: "grid", gridTemplateColumns: { xs: "1fr", md: "220px 1fr" }, gap: 1, py: 0.5 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ overflowWrap: "anywhere" }}>
        {value}
      </Typography>
    </Box>
  );
  return (
    <Box data-testid="wizard-review" sx={{ my: 1, maxWidth: "100%" }}>
      {line(t("province"), config.province.nameVi || "—")}
      {line(t("localities", { count: config.localities.length }), config.localities.map((l) => l.nameVi).join(", ") || "—")}
      {line(t("agencies", { count: config.agencies.length }), config.agencies.map((a) => `${a.nameVi} (${translate(`eduplan.enum.agencyKind.${a.kind}`, { _: a.kind })})`).join("; ") || "—")}
      {line(t("plugins"), config.plugins.map((id) => pluginNames.get(id) ?? id).join(", ") || t("none"))}
      {line(t("plan"), plan ? [plan.number, plan.titleVi].filter(Boolean).join(" — ") : "—")}
      {line(
        t("targets", { count: targets.length }),
        targets.length ? (
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {targets.map((x, i) => (
              <li key={`${x.indicator}-${i}`}>
                {indicatorNames.get(x.indicator) ?? t("indicator")}: {formatTargetValue({ comparator: x.comparator, value: x.value ?? null, valueMax: x.valueMax ?? null }, undefined, locale) || "—"}
                {x.targetYear ? ` (${x.targetYear})` : ""}
              </li>
            ))}
          </Box>
        ) : (
          "—"
        ),
      )}
    </Box>
  );
}

export function ProvinceSetup() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const { locale } = useUiLocale();
  const { mine } = useEnabledPlugins();
  const { canAccess, isPending: accessPending } = useCanAccess({ resource: "provinceSetup", action: "create" });
  const [step, setStep] = useState(0);
  const [config, setConfig] = useState<ProvinceConfig>(emptyConfig);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<{ severity: "success" | "error" | "warning"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [parentPlanId, setParentPlanId] = useState<number | "">("");
  const [indicatorNames, setIndicatorNames] = useState<Map<string, string>>(new Map());
  const { data: plans } = useGetList("plans", { pagination: { page: 1, perPage: 200 }, sort: { field: "issuedOn", order: "DESC" } });

  const localErrors = useMemo(() => Object.fromEntries(checkConfig(config).map((p) => [p.path, p.key])), [config]);
  const errors: Errors = { ...localErrors, ...serverErrors };
  const errorsInStep = (i: number) => Object.keys(errors).some((p) => stepOfPath(p) === i);
  const plan = config.plans[0]!;
  const targets = flattenTargets(plan.targets ?? []);
  const errorText = useErrorText(errors);

  if (accessPending) return <Loading />;
  if (!canAccess) return <ErrorState error={{ status: 403, message: "" }} />;

  const update = (change: (c: ProvinceConfig) => ProvinceConfig) => {
    setConfig((c) => change(structuredClone(c)));
    setOutcome(null);
  };
  const setProvince = (field: string, value: unknown) =>
    update((c) => {
      (c.province as unknown as Record<string, unknown>)[field] = value;
      if (field === "code") {
        c.localities.forEach((l) => l.parent === "" && (l.parent = String(value)));
        c.plans[0]!.locality = String(value);
      }
      return c;
    });
  const setRow = <K extends "localities" | "agencies">(list: K, index: number, field: string, value: unknown) =>
    update((c) => {
      (c[list][index] as unknown as Record<string, unknown>)[field] = value;
      return c;
    });
  const setPlan = (field: string, value: unknown) =>
    update((c) => {
      (c.plans[0] as unknown as Record<string, unknown>)[field] = value;
      return c;
    });

  const suggestAgencies = () =>
    update((c) => {
      const p = c.province.code || "province";
      const name = c.province.nameVi.replace(/^Tỉnh\s+/i, "");
      c.agencies.push(
        { code: `${p}.peoples-committee`, nameVi: `Ủy ban nhân dân tỉnh ${name}`, shortName: "UBND tỉnh", kind: "peoplesCommittee", locality: p },
        { code: `${p}.education-dept`, nameVi: `Sở Giáo dục và Đào tạo tỉnh ${name}`, shortName: "Sở GD&ĐT", kind: "educationDept", locality: p },
        { code: `${p}.finance-dept`, nameVi: `Sở Tài chính tỉnh ${name}`, shortName: "Sở Tài chính", kind: "financeDept", locality: p },
      );
      return c;
    });

  async function copyFromParent() {
    if (parentPlanId === "") return;
    const parent = plans?.find((p) => p.id === parentPlanId);
    const { data: stored } = await dataProvider.getList("targets", {
      filter: { planId: parentPlanId },
      pagination: { page: 1, perPage: 5000 },
      sort: { field: "id", order: "ASC" },
    });
    const indicatorIds = [...new Set(stored.map((t) => t.indicatorId as number))];
    const { data: indicators } = indicatorIds.length ? await dataProvider.getMany("indicators", { ids: indicatorIds }) : { data: [] };
    const codes = new Map(indicators.map((i) => [i.id as number, String(i.code)]));
    setIndicatorNames(new Map(indicators.map((i) => [String(i.code), localName(i, locale)])));
    const parentLocality = parent?.localityId ? await dataProvider.getOne("localities", { id: parent.localityId }).then((r) => String(r.data.nameVi ?? ""), () => undefined) : undefined;
    const copied = copyTargets(stored as unknown as StoredTarget[], codes, new Map(indicators.map((i) => [i.id as number, String(i.nameVi ?? "")])), parentLocality);
    update((c) => {
      c.plans[0]!.targets = copied;
      c.plans[0]!.parentPlan = parent ? String(parent.code) : undefined;
      return c;
    });
    notify("eduplan.provinceSetup.copied", { type: "info", messageArgs: { count: flattenTargets(copied).length } });
  }

  const setTargetValue = (target: TargetEntry, text: string) =>
    update((c) => {
      const all = flattenTargets(c.plans[0]!.targets ?? []);
      const index = targets.indexOf(target);
      const copy = all[index];
      if (copy) {
        const v = parseDecimal(text, locale);
        if (v === null) delete copy.value;
        else if (!Number.isNaN(v)) copy.value = v;
      }
      return c;
    });
  const setTargetPhrase = (target: TargetEntry, text: string) =>
    update((c) => {
      const copy = flattenTargets(c.plans[0]!.targets ?? [])[targets.indexOf(target)];
      if (copy) {
        if (text.trim()) copy.phraseVi = text.trim();
        else delete copy.phraseVi;
      }
      return c;
    });
  const removeTarget = (target: TargetEntry) =>
    update((c) => {
      const index = targets.indexOf(target);
      const victim = flattenTargets(c.plans[0]!.targets ?? [])[index];
      const prune = (list: TargetEntry[]): TargetEntry[] =>
        list.filter((t) => t !== victim).map((t) => (t.subTargets ? { ...t, subTargets: prune(t.subTargets) } : t));
      c.plans[0]!.targets = prune(c.plans[0]!.targets ?? []);
      return c;
    });

  /** Sends the file: `provinceSetup.validate` (check only) or `provinceSetup.create` (validate whole, then apply in one transaction). */
  async function submit(mode: "validate" | "create") {
    setServerErrors({});
    if (Object.keys(localErrors).length) {
      setOutcome({ severity: "error", text: translate("eduplan.provinceSetup.fixErrors") });
      setStep(Math.min(...Object.keys(localErrors).map(stepOfPath)));
      return;
    }
    setBusy(true);
    try {
      const input = { config: toProvinceFile(config) };
      if (mode === "validate") {
        await trpc.provinceSetup.validate.mutate(input);
        setOutcome({ severity: "success", text: translate("eduplan.provinceSetup.valid") });
      } else {
        const { data: summary } = await trpc.provinceSetup.create.mutate(input);
        setOutcome({ severity: "success", text: translate("eduplan.provinceSetup.applied", { created: summary.created, updated: summary.updated }) });
      }
    } catch (error) {
      const { message, body } = describeError(error, locale);
      if (body?.code === "NOT_FOUND" && !body.reason) {
        setOutcome({ severity: "warning", text: translate("eduplan.provinceSetup.unavailable") });
        return;
      }
      const details = (body as { details?: { fieldErrors?: { path: string; message: { vi?: string; en?: string } }[] } } | null)?.details;
      const mapped: Errors = {};
      for (const f of details?.fieldErrors ?? []) {
        const text = (locale === "en" ? f.message.en : f.message.vi) ?? f.message.vi ?? f.message.en ?? "";
        const path = wizardPath(f.path);
        mapped[path] = mapped[path] ? `${mapped[path]}; ${text}` : text;
      }
      setServerErrors(mapped);
      setOutcome({ severity: "error", text: Object.keys(mapped).length ? `${translate("eduplan.provinceSetup.fixErrors")} ${message}` : message });
      const steps = Object.keys(mapped).map(stepOfPath).filter((i) => i < 5);
      if (steps.length) setStep(Math.min(...steps));
    } finally {
      setBusy(false);
    }
  }

  const download = () => {
    const blob = new Blob([JSON.stringify(toProvinceFile(config), null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `${config.province.code || "province"}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const p = config.province;

  return (
    <Card sx={{ mt: 2 }} data-testid="province-setup">
      <Title title={translate("eduplan.provinceSetup.title")} />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate("eduplan.provinceSetup.intro")}
        </Typography>
        <Stepper nonLinear activeStep={step} sx={{ mb: 3, flexWrap: "wrap" }}>
          {STEPS.map((s, i) => (
            <Step key={s} completed={false}>
              <StepButton onClick={() => setStep(i)} optional={errorsInStep(i) ? <Typography variant="caption" color="error">!</Typography> : undefined}>
                {translate(`eduplan.provinceSetup.steps.${s}`)}
              </StepButton>
            </Step>
          ))}
        </Stepper>
        {outcome ? (
          <Alert severity={outcome.severity} sx={{ mb: 2 }} data-testid="wizard-outcome">
            {outcome.text}
          </Alert>
        ) : null}

        {step === 0 ? (
          <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, gap: 2 }}>
            <Field
              label="eduplan.provinceSetup.provinceName"
              path="province.nameVi"
              errors={errors}
              value={p.nameVi}
              onChange={(e) => {
                const name = e.target.value;
                const auto = !p.code || p.code === codeFromName(p.nameVi);
                setProvince("nameVi", name);
                if (auto) setProvince("code", codeFromName(name));
              }}
            />
            <Field label="eduplan.provinceSetup.provinceNameEn" path="province.nameEn" errors={errors} value={p.nameEn ?? ""} onChange={(e) => setProvince("nameEn", e.target.value)} />
            <Field label="eduplan.provinceSetup.provinceCode" path="province.code" errors={errors} value={p.code} onChange={(e) => setProvince("code", e.target.value.trim())} />
            <Field
              label="eduplan.provinceSetup.population"
              path="province.population"
              errors={errors}
              value={p.population ?? ""}
              onChange={(e) => setProvince("population", e.target.value === "" ? undefined : Number(e.target.value.replace(/\D/g, "")))}
            />
            <DeadlineField value={p.reportDeadline ?? ""} errors={errors} onChange={(v) => setProvince("reportDeadline", v)} />
            <FormGroup row>
              {CHOICES.areaFlag.map((flag) => (
                <FormControlLabel
                  key={flag.id}
                  control={<Checkbox checked={(p as unknown as Record<string, unknown>)[flag.id] === true} onChange={(e) => setProvince(flag.id, e.target.checked || undefined)} />}
                  label={translate(flag.name)}
                />
              ))}
            </FormGroup>
          </Box>
        ) : null}

        {step === 1 ? (
          <>
            <Rows empty="eduplan.provinceSetup.noLocalities" columns={["eduplan.provinceSetup.localityName", "eduplan.provinceSetup.localityCode", "eduplan.provinceSetup.localityLevel", ""]}>
              {config.localities.map((l: LocalityEntry, i) => (
                <TableRow key={i}>
                  <TableCell>
                    <Field
                      label="eduplan.provinceSetup.localityName"
                      path={`localities.${i}.nameVi`}
                      errors={errors}
                      value={l.nameVi}
                      onChange={(e) => {
                        const auto = !l.code || l.code === codeFromName(l.nameVi);
                        setRow("localities", i, "nameVi", e.target.value);
                        if (auto) setRow("localities", i, "code", codeFromName(e.target.value));
                      }}
                    />
                  </TableCell>
                  <TableCell>
                    <Field label="eduplan.provinceSetup.localityCode" path={`localities.${i}.code`} errors={errors} value={l.code} onChange={(e) => setRow("localities", i, "code", e.target.value.trim())} />
                  </TableCell>
                  <TableCell>
                    <Select size="small" value={l.level} onChange={(e) => setRow("localities", i, "level", e.target.value)}>
                      {LEVELS.map((level) => (
                        <MenuItem key={level} value={level}>
                          {translate(`eduplan.provinceSetup.level.${level}`)}
                        </MenuItem>
                      ))}
                    </Select>
                  </TableCell>
                  <TableCell>
                    <IconButton aria-label={translate("ra.action.delete")} onClick={() => update((c) => (c.localities.splice(i, 1), c))}>
                      <Delete />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </Rows>
            <Button startIcon={<Add />} sx={{ mt: 1 }} onClick={() => update((c) => (c.localities.push({ code: "", nameVi: "", level: "commune", parent: c.province.code }), c))}>
              {translate("eduplan.provinceSetup.addLocality")}
            </Button>
          </>
        ) : null}

        {step === 2 ? (
          <>
            <Rows
              empty="eduplan.provinceSetup.noAgencies"
              columns={["resources.agencies.fields.nameVi", "resources.agencies.fields.shortName", "resources.agencies.fields.code", "resources.agencies.fields.kind", "eduplan.provinceSetup.agencyLocality", ""]}
            >
              {config.agencies.map((a: AgencyEntry, i) => (
                <TableRow key={i}>
                  <TableCell sx={{ minWidth: 240 }}>
                    <Field label="resources.agencies.fields.nameVi" path={`agencies.${i}.nameVi`} errors={errors} value={a.nameVi} onChange={(e) => setRow("agencies", i, "nameVi", e.target.value)} />
                  </TableCell>
                  <TableCell>
                    <Field label="resources.agencies.fields.shortName" path={`agencies.${i}.shortName`} errors={errors} value={a.shortName ?? ""} onChange={(e) => setRow("agencies", i, "shortName", e.target.value)} />
                  </TableCell>
                  <TableCell>
                    <Field label="resources.agencies.fields.code" path={`agencies.${i}.code`} errors={errors} value={a.code} onChange={(e) => setRow("agencies", i, "code", e.target.value.trim())} />
                  </TableCell>
                  <TableCell>
                    <Select size="small" value={a.kind} onChange={(e) => setRow("agencies", i, "kind", e.target.value)} sx={{ maxWidth: 220 }}>
                      {CHOICES.agencyKind.map((k) => (
                        <MenuItem key={k.id} value={k.id}>
                          {translate(k.name)}
                        </MenuItem>
                      ))}
                    </Select>
                  </TableCell>
                  <TableCell>
                    <Select size="small" value={a.locality} onChange={(e) => setRow("agencies", i, "locality", e.target.value)}>
                      {[config.province.code, ...config.localities.map((l) => l.code)].filter(Boolean).map((code) => (
                        <MenuItem key={code} value={code}>
                          {code}
                        </MenuItem>
                      ))}
                    </Select>
                  </TableCell>
                  <TableCell>
                    <IconButton aria-label={translate("ra.action.delete")} onClick={() => update((c) => (c.agencies.splice(i, 1), c))}>
                      <Delete />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </Rows>
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              <Button startIcon={<Add />} onClick={() => update((c) => (c.agencies.push({ code: "", nameVi: "", kind: "otherDept", locality: c.province.code }), c))}>
                {translate("eduplan.provinceSetup.addAgency")}
              </Button>
              {config.agencies.length === 0 ? <Button onClick={suggestAgencies}>{translate("eduplan.provinceSetup.suggestAgencies")}</Button> : null}
            </Stack>
          </>
        ) : null}

        {step === 3 ? (
          <FormControl component="fieldset">
            <Typography variant="body2" color="text.secondary">
              {translate("eduplan.provinceSetup.pluginsHelp")}
            </Typography>
            <FormGroup>
              {/* The plugins the server has, named by their own manifests (never a list kept here). */}
              {(mine?.plugins ?? []).map(({ pluginId: id, ...plugin }) => (
                <FormControlLabel
                  key={id}
                  control={
                    <Checkbox
                      checked={config.plugins.includes(id)}
                      onChange={(e) => update((c) => ({ ...c, plugins: e.target.checked ? [...c.plugins, id] : c.plugins.filter((x) => x !== id) }))}
                    />
                  }
                  label={localName(plugin, locale)}
                />
              ))}
            </FormGroup>
            {errorText("plugins") ? <FormHelperText error>{errorText("plugins")}</FormHelperText> : null}
          </FormControl>
        ) : null}

        {step === 4 ? (
          <>
            <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr 1fr" }, gap: 2, mb: 2 }}>
              <Field label="eduplan.provinceSetup.planTitle" path="plans.0.titleVi" errors={errors} value={plan.titleVi} onChange={(e) => setPlan("titleVi", e.target.value)} sx={{ gridColumn: "1 / -1" }} />
              <Field label="eduplan.provinceSetup.planCode" path="plans.0.code" errors={errors} value={plan.code} onChange={(e) => setPlan("code", e.target.value.trim())} />
              <Field label="eduplan.provinceSetup.planNumber" path="plans.0.number" errors={errors} value={plan.number ?? ""} onChange={(e) => setPlan("number", e.target.value)} />
              <DateField label="eduplan.provinceSetup.planIssuedOn" path="plans.0.issuedOn" errors={errors} value={plan.issuedOn} onChange={(iso) => setPlan("issuedOn", iso ?? undefined)} />
              <Field label="eduplan.provinceSetup.periodStart" path="plans.0.periodStart" errors={errors} value={plan.periodStart ?? ""} onChange={(e) => setPlan("periodStart", e.target.value ? Number(e.target.value) : undefined)} />
              <Field label="eduplan.provinceSetup.periodEnd" path="plans.0.periodEnd" errors={errors} value={plan.periodEnd ?? ""} onChange={(e) => setPlan("periodEnd", e.target.value ? Number(e.target.value) : undefined)} />
            </Box>
            <Stack direction={{ xs: "column", md: "row" }} spacing={2} sx={{ alignItems: { md: "center" }, mb: 1 }}>
              <FormControl size="small" sx={{ minWidth: 360 }}>
                <InputLabel id="wizard-parent">{translate("eduplan.provinceSetup.parentPlan")}</InputLabel>
                <Select labelId="wizard-parent" label={translate("eduplan.provinceSetup.parentPlan")} value={parentPlanId} onChange={(e) => setParentPlanId(String(e.target.value) === "" ? "" : Number(e.target.value))}>
                  {(plans ?? []).map((pl) => (
                    <MenuItem key={pl.id} value={pl.id as number}>
                      {(pl.number as string) || (pl.code as string)} — {String(localName(pl, locale, "title")).slice(0, 70)}
                    </MenuItem>
                  ))}
                </Select>
              </FormControl>
              <Button variant="outlined" disabled={parentPlanId === ""} onClick={() => void copyFromParent()}>
                {translate("eduplan.provinceSetup.copyTargets")}
              </Button>
            </Stack>
            {targets.length ? (
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate("eduplan.provinceSetup.targetIndicator")}</TableCell>
                    <TableCell>{translate("resources.targets.fields.comparator")}</TableCell>
                    <TableCell>{translate("eduplan.provinceSetup.targetValue")}</TableCell>
                    <TableCell>{translate("resources.targets.fields.targetYear")}</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {targetPaths(plan.targets ?? [], "plans.0.targets").map(({ target: t, path }, i) => {
                    const rowErrors = Object.entries(errors).filter(([p]) => p === path || p.startsWith(`${path}.`) && !p.slice(path.length + 1).startsWith("subTargets"));
                    return (
                    <TableRow key={`${t.code ?? t.indicator}-${i}`} data-testid="wizard-target" data-path={path}>
                      <TableCell>
                        <Typography variant="body2">{indicatorNames.get(t.indicator) ?? t.indicator}</Typography>
                        <Typography variant="caption" color="text.secondary" component="div">
                          {t.indicator}
                          {t.areaFlag ? ` · ${translate(`eduplan.enum.areaFlag.${t.areaFlag}`)}` : ""}
                          {t.educationLevel ? ` · ${t.educationLevel}` : ""}
                        </Typography>
                        <TextField
                          size="small"
                          fullWidth
                          multiline
                          sx={{ mt: 1, minWidth: 320 }}
                          label={translate("eduplan.provinceSetup.targetPhrase")}
                          defaultValue={t.phraseVi ?? ""}
                          placeholder={translate("eduplan.provinceSetup.targetPhraseEmpty")}
                          onBlur={(e) => setTargetPhrase(t, e.target.value)}
                          helperText={translate("eduplan.provinceSetup.targetPhraseHint")}
                          slotProps={{ htmlInput: { maxLength: 4000, "data-testid": "wizard-target-phrase" } }}
                        />
                      </TableCell>
                      <TableCell>{translate(`eduplan.enum.comparator.${t.comparator}`)}</TableCell>
                      <TableCell sx={{ width: 220 }}>
                        <TextField
                          size="small"
                          defaultValue={t.value === undefined ? "" : String(t.value).replace(".", locale === "en" ? "." : ",")}
                          onBlur={(e) => setTargetValue(t, e.target.value)}
                          error={rowErrors.length > 0}
                          helperText={
                            rowErrors.length
                              ? rowErrors.map(([, key]) => translate(key, { _: key })).join("; ")
                              : formatTargetValue({ comparator: t.comparator, value: t.value ?? null, valueMax: t.valueMax ?? null }, undefined, locale)
                          }
                          slotProps={{ htmlInput: { "data-testid": "wizard-target-value" } }}
                        />
                      </TableCell>
                      <TableCell>{t.targetYear ?? "—"}</TableCell>
                      <TableCell>
                        <IconButton aria-label={translate("eduplan.provinceSetup.removeTarget")} onClick={() => removeTarget(t)}>
                          <Delete />
                        </IconButton>
                      </TableCell>
                    </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            ) : null}
          </>
        ) : null}

        {step === 5 ? (
          <>
            <Typography variant="subtitle2">{translate("eduplan.provinceSetup.review")}</Typography>
            {Object.keys(errors).length ? (
              <Alert severity="error" sx={{ my: 1 }}>
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {Object.entries(errors).map(([path, key]) => (
                    <li key={path}>
                      <code>{path}</code>: {translate(key, { _: key })}
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            <ReviewSummary config={config} indicatorNames={indicatorNames} pluginNames={new Map((mine?.plugins ?? []).map((p) => [p.pluginId, localName(p, locale)]))} />
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              <Button variant="outlined" disabled={busy} onClick={() => void submit("validate")} data-testid="wizard-validate">
                {translate("eduplan.provinceSetup.validate")}
              </Button>
              <Button variant="contained" disabled={busy} onClick={() => void submit("create")} data-testid="wizard-apply">
                {translate("eduplan.provinceSetup.apply")}
              </Button>
              <Button onClick={download}>{translate("eduplan.provinceSetup.download")}</Button>
            </Stack>
          </>
        ) : null}


        <Stack direction="row" spacing={1} sx={{ mt: 3 }}>
          <Button disabled={step === 0} onClick={() => setStep((s) => s - 1)}>
            {translate("eduplan.provinceSetup.back")}
          </Button>
          {step < STEPS.length - 1 ? (
            <Button variant="contained" onClick={() => setStep((s) => s + 1)}>
              {translate("eduplan.provinceSetup.next")}
            </Button>
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
}

export default ProvinceSetup;
