/**
 * "Nhập kế hoạch từ văn bản" (issue #16): upload a plan document, see its text on the left with every finding
 * highlighted and the findings on the right with their confidence; accept, correct or reject each; say what each
 * body the document names stands for (an agency on record, a collective, or a new agency); save and resume; accept
 * to create the plan through the API (one transaction) and open it.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  LinearProgress,
  MenuItem,
  Paper,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from "@mui/material";
import UploadFileIcon from "@mui/icons-material/UploadFile";
import { Title, useCanAccess, useGetList, useNotify, useTranslate } from "react-admin";
import { useNavigate } from "react-router-dom";
import { useUiLocale } from "../common/locale";
import { describeError } from "../errors";
import { formatDateTime, formatPercent, formatTargetValue, formatTiming, parseDecimal } from "../format";
import { trpc } from "../trpc";
import { readAsBase64, uploadClient } from "../reports/files";
import {
  acceptPending,
  decide,
  namedBodies,
  pendingCount,
  segments,
  spansOf,
  type AgencyRef,
  type Choice,
  type Draft,
  type DutyFinding,
  type Finding,
  type Status,
  type TargetFinding,
  type TaskFinding,
} from "./review";

type Rec = { id: number; version: number } & Record<string, unknown>;
type Saved = { id: number; version: number } | null;

const STATUS_COLOR: Record<Status, "default" | "success" | "info" | "error"> = { pending: "default", accepted: "success", corrected: "info", rejected: "error" };
const MARK_COLOR: Record<Status, string> = { pending: "#fff3c4", accepted: "#d7f5dd", corrected: "#d6e8ff", rejected: "#f3d6d6" };
const COMPARATORS = ["gte", "gt", "lte", "lt", "eq", "range", "maintain", "achieve"] as const;

function useT() {
  const translate = useTranslate();
  return (key: string, options?: Record<string, unknown>) => translate(`eduplan.planImport.${key}`, options);
}

/** The document with each finding highlighted; the selected one outlined and scrolled into view. */
function DocumentText({ draft, selected, onSelect }: { draft: Draft; selected: string | null; onSelect: (id: string) => void }) {
  const parts = useMemo(() => segments(draft.text, spansOf(draft)), [draft]);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selected) return;
    box.current?.querySelector(`[data-finding="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, [selected]);
  return (
    <Box ref={box} data-testid="document-text" sx={{ whiteSpace: "pre-wrap", fontFamily: "Georgia, serif", fontSize: 14, lineHeight: 1.6, maxHeight: "75vh", overflow: "auto", p: 2 }}>
      {parts.map((p, i) =>
        p.span ? (
          <mark
            key={i}
            data-finding={p.span.id}
            data-status={p.span.status}
            onClick={() => onSelect(p.span!.id)}
            style={{ background: MARK_COLOR[p.span.status], cursor: "pointer", outline: selected === p.span.id ? "2px solid #1565c0" : undefined, borderRadius: 2 }}
          >
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </Box>
  );
}

function ReviewChip({ status }: { status: Status }) {
  const t = useT();
  return <Chip size="small" color={STATUS_COLOR[status]} label={t(`review.${status}`)} data-testid="review-status" />;
}

/** The buttons every finding has: accept, correct (when it has an editor), reject, or undo a decision. */
function Decisions({ finding, onDecide, onEdit }: { finding: Finding; onDecide: (status: Status) => void; onEdit?: () => void }) {
  const t = useT();
  if (finding.review.status !== "pending")
    return (
      <Button size="small" onClick={() => onDecide("pending")}>
        {t("undo")}
      </Button>
    );
  return (
    <>
      <Button size="small" color="success" data-testid="accept-finding" onClick={() => onDecide("accepted")}>
        {t("accept")}
      </Button>
      {onEdit ? (
        <Button size="small" data-testid="correct-finding" onClick={onEdit}>
          {t("correct")}
        </Button>
      ) : null}
      <Button size="small" color="error" data-testid="reject-finding" onClick={() => onDecide("rejected")}>
        {t("reject")}
      </Button>
    </>
  );
}

type IndicatorOption = { code: string; nameVi: string; unit: string };

/** Correct a target: its indicator, comparator, value(s) and year (numbers as an officer writes them: 48,5). */
function TargetEditor({ target, indicators, onApply, onCancel }: { target: TargetFinding; indicators: IndicatorOption[]; onApply: (patch: Partial<TargetFinding>) => void; onCancel: () => void }) {
  const t = useT();
  const translate = useTranslate();
  const { locale } = useUiLocale();
  const show = (n: number | null) => (n === null ? "" : locale === "en" ? String(n) : String(n).replace(".", ","));
  const [indicator, setIndicator] = useState<IndicatorOption | null>(indicators.find((i) => i.code === target.indicator?.code) ?? null);
  const [comparator, setComparator] = useState<string>(target.comparator);
  const [value, setValue] = useState(show(target.value));
  const [valueMax, setValueMax] = useState(show(target.valueMax));
  const [year, setYear] = useState(target.targetYear === null ? "" : String(target.targetYear));
  const v = parseDecimal(value, locale);
  const vMax = parseDecimal(valueMax, locale);
  const y = year.trim() === "" ? null : Number(year);
  const bad = (n: number | null) => n !== null && Number.isNaN(n);
  const invalid = bad(v) || bad(vMax) || (y !== null && !Number.isInteger(y));
  return (
    <Stack spacing={1.5} sx={{ mt: 1 }} data-testid="target-editor">
      <Autocomplete
        options={indicators}
        value={indicator}
        onChange={(_e, next) => setIndicator(next)}
        getOptionLabel={(o) => o.nameVi}
        isOptionEqualToValue={(a, b) => a.code === b.code}
        renderInput={(params) => <TextField {...params} label={t("indicator")} size="small" />}
      />
      <Stack direction="row" spacing={1}>
        <TextField select size="small" label={t("comparator")} value={comparator} onChange={(e) => setComparator(e.target.value)} sx={{ minWidth: 170 }} data-testid="edit-comparator">
          {COMPARATORS.map((c) => (
            <MenuItem key={c} value={c}>
              {translate(`eduplan.enum.comparator.${c}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField size="small" label={t("value")} value={value} onChange={(e) => setValue(e.target.value)} error={bad(v)} helperText={bad(v) ? t("invalidNumber") : undefined} slotProps={{ htmlInput: { "data-testid": "edit-value" } }} />
        {comparator === "range" ? <TextField size="small" label={t("valueMax")} value={valueMax} onChange={(e) => setValueMax(e.target.value)} error={bad(vMax)} /> : null}
        <TextField size="small" label={t("year")} value={year} onChange={(e) => setYear(e.target.value)} sx={{ width: 90 }} slotProps={{ htmlInput: { "data-testid": "edit-year" } }} />
      </Stack>
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          size="small"
          disabled={invalid}
          data-testid="apply-correction"
          onClick={() =>
            onApply({
              indicator: indicator ? { code: indicator.code, nameVi: indicator.nameVi, score: 1 } : null,
              comparator: comparator as TargetFinding["comparator"],
              value: v,
              valueMax: comparator === "range" ? vMax : null,
              targetYear: y,
            })
          }
        >
          {t("apply")}
        </Button>
        <Button size="small" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </Stack>
    </Stack>
  );
}

function Confidence({ value }: { value: number }) {
  const t = useT();
  const { locale } = useUiLocale();
  return (
    <Typography variant="caption" color={value < 0.7 ? "warning.main" : "text.secondary"} data-testid="confidence">
      {t("confidence", { value: formatPercent(Math.round(value * 100), locale, 0) })}
    </Typography>
  );
}

function TargetCard({ target, indicators, selected, onSelect, onDecide }: { target: TargetFinding; indicators: IndicatorOption[]; selected: boolean; onSelect: () => void; onDecide: (status: Status, patch?: Partial<TargetFinding>) => void }) {
  const t = useT();
  const { locale } = useUiLocale();
  const [editing, setEditing] = useState(false);
  const unit = indicators.find((i) => i.code === target.indicator?.code)?.unit ?? target.unit;
  return (
    <Card variant="outlined" data-testid="target-finding" data-finding={target.id} sx={{ borderColor: selected ? "primary.main" : undefined }} onClick={onSelect}>
      <CardContent sx={{ pb: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: "center", justifyContent: "space-between" }}>
          <Typography variant="subtitle2">{target.indicator?.nameVi ?? t("noIndicator")}</Typography>
          <ReviewChip status={target.review.status} />
        </Stack>
        <Typography variant="body2" data-testid="target-summary">
          {formatTargetValue(target, unit, locale)}
          {target.targetYear !== null ? ` — ${t("year")} ${target.targetYear}` : ""}
        </Typography>
        <Confidence value={target.confidence} />
        {target.runnerUp && target.confidence < 0.7 ? (
          <Typography variant="caption" color="text.secondary" sx={{ display: "block" }}>
            {t("runnerUp", { name: target.runnerUp.nameVi })}
          </Typography>
        ) : null}
        {editing ? (
          <TargetEditor
            target={target}
            indicators={indicators}
            onCancel={() => setEditing(false)}
            onApply={(patch) => {
              setEditing(false);
              onDecide("corrected", patch);
            }}
          />
        ) : null}
      </CardContent>
      {editing ? null : (
        <CardActions onClick={(e) => e.stopPropagation()}>
          <Decisions finding={target} onDecide={(s) => onDecide(s)} onEdit={() => setEditing(true)} />
        </CardActions>
      )}
    </Card>
  );
}

const names = (refs: AgencyRef[]) => refs.map((r) => r.text || r.nameVi).join("; ");

/** Correct a task: its text and its leads (among the bodies the document names). */
function TaskEditor({ task, bodies, onApply, onCancel }: { task: TaskFinding; bodies: AgencyRef[]; onApply: (patch: Partial<TaskFinding>) => void; onCancel: () => void }) {
  const t = useT();
  const [text, setText] = useState(task.text);
  const [leads, setLeads] = useState<AgencyRef[]>(task.leads);
  const [timingKind, setTimingKind] = useState<string>(task.timing?.kind ?? "notStated");
  const [timingYear, setTimingYear] = useState(task.timing && "year" in task.timing ? String(task.timing.year) : "");
  const year = Number(timingYear);
  const yearOk = /^\d{4}$/.test(timingYear.trim());
  /** The timing as chosen: kinds this editor offers; another kind the document stated is kept unless changed. */
  const timing = (): TaskFinding["timing"] =>
    timingKind === (task.timing?.kind ?? "notStated") && (timingKind !== "year" || (task.timing && "year" in task.timing && task.timing.year === year))
      ? task.timing
      : timingKind === "year"
        ? { kind: "year", year }
        : timingKind === "yearly"
          ? { kind: "yearly", from: null, to: null }
          : timingKind === "continuous"
            ? { kind: "continuous", from: null, to: null }
            : null;
  return (
    <Stack spacing={1.5} sx={{ mt: 1 }}>
      <TextField size="small" multiline minRows={2} label={t("taskText")} value={text} onChange={(e) => setText(e.target.value)} />
      <Autocomplete
        multiple
        options={bodies}
        value={leads}
        onChange={(_e, next) => setLeads(next)}
        getOptionLabel={(o) => o.text || o.nameVi}
        isOptionEqualToValue={(a, b) => a.code === b.code}
        renderInput={(params) => <TextField {...params} label={t("leads")} size="small" />}
      />
      <Stack direction="row" spacing={1}>
        <TextField select size="small" label={t("timing")} value={timingKind} onChange={(e) => setTimingKind(e.target.value)} sx={{ minWidth: 200 }}>
          {[...new Set([task.timing?.kind ?? "notStated", "notStated", "year", "yearly", "continuous"])].map((k) => (
            <MenuItem key={k} value={k}>
              {t(`timingKind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        {timingKind === "year" ? <TextField size="small" label={t("year")} value={timingYear} onChange={(e) => setTimingYear(e.target.value)} error={!yearOk} sx={{ width: 100 }} /> : null}
      </Stack>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" size="small" disabled={!text.trim() || (timingKind === "year" && !yearOk)} onClick={() => onApply({ text: text.trim(), leads, timing: timing() })}>
          {t("apply")}
        </Button>
        <Button size="small" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </Stack>
    </Stack>
  );
}

function TaskCard({ task, bodies, selected, onSelect, onDecide }: { task: TaskFinding; bodies: AgencyRef[]; selected: boolean; onSelect: () => void; onDecide: (status: Status, patch?: Partial<TaskFinding>) => void }) {
  const t = useT();
  const { locale } = useUiLocale();
  const [editing, setEditing] = useState(false);
  return (
    <Card variant="outlined" data-testid="task-finding" data-finding={task.id} sx={{ borderColor: selected ? "primary.main" : undefined }} onClick={onSelect}>
      <CardContent sx={{ pb: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: "flex-start", justifyContent: "space-between" }}>
          <Typography variant="body2">{task.text}</Typography>
          <ReviewChip status={task.review.status} />
        </Stack>
        <Typography variant="caption" sx={{ display: "block" }}>
          {t("leads")}: {task.leads.length ? names(task.leads) : <Box component="span" sx={{ color: "warning.main" }}>{t("noLead")}</Box>}
        </Typography>
        {task.coordinators.length ? <Typography variant="caption" sx={{ display: "block" }}>{t("coordinators")}: {names(task.coordinators)}</Typography> : null}
        {task.requested.length ? <Typography variant="caption" sx={{ display: "block" }}>{t("requested")}: {names(task.requested)}</Typography> : null}
        <Typography variant="caption" sx={{ display: "block" }}>
          {t("timing")}: {task.timing ? formatTiming(task.timing, locale) : t("noTiming")}
        </Typography>
        <Confidence value={task.confidence} />
        {editing ? (
          <TaskEditor
            task={task}
            bodies={bodies}
            onCancel={() => setEditing(false)}
            onApply={(patch) => {
              setEditing(false);
              onDecide("corrected", patch);
            }}
          />
        ) : null}
      </CardContent>
      {editing ? null : (
        <CardActions onClick={(e) => e.stopPropagation()}>
          <Decisions finding={task} onDecide={(s) => onDecide(s)} onEdit={() => setEditing(true)} />
        </CardActions>
      )}
    </Card>
  );
}

function DutyCard({ duty, selected, onSelect, onDecide }: { duty: DutyFinding; selected: boolean; onSelect: () => void; onDecide: (status: Status) => void }) {
  const t = useT();
  return (
    <Card variant="outlined" data-testid="duty-finding" data-finding={duty.id} sx={{ borderColor: selected ? "primary.main" : undefined }} onClick={onSelect}>
      <CardContent sx={{ pb: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: "flex-start", justifyContent: "space-between" }}>
          <Typography variant="body2">
            {names(duty.reporters)} → {names(duty.recipients)}
          </Typography>
          <ReviewChip status={duty.review.status} />
        </Stack>
        <Typography variant="caption" sx={{ display: "block" }}>
          {t(`frequency.${duty.frequency}`)}
          {duty.dueDayMonth ? `, ${t("due", { date: duty.dueDayMonth })}` : ""}
        </Typography>
        <Confidence value={duty.confidence} />
      </CardContent>
      <CardActions onClick={(e) => e.stopPropagation()}>
        <Decisions finding={duty} onDecide={onDecide} />
      </CardActions>
    </Card>
  );
}

type Named = { id: number; nameVi: string; code: string };

/** What one body the document names stands for: an agency on record, a collective, or a new agency. */
function BodyRow({ body, choice, agencies, collectives, canCreateCollective, onChange }: { body: AgencyRef; choice: Choice | undefined; agencies: Named[]; collectives: Named[]; canCreateCollective: boolean; onChange: (c: Choice | undefined) => void }) {
  const t = useT();
  const kind = choice?.kind ?? "";
  return (
    <TableRow data-testid="body-row" data-resolved={choice ? "yes" : "no"}>
      <TableCell>{body.text || body.nameVi}</TableCell>
      <TableCell sx={{ width: "65%" }}>
        <Stack direction="row" spacing={1}>
          <TextField
            select
            size="small"
            value={kind}
            sx={{ width: 190, flexShrink: 0 }}
            label={t("agencyChoice")}
            slotProps={{ htmlInput: { "data-testid": "body-kind" } }}
            onChange={(e) => {
              const k = e.target.value;
              if (k === "new") onChange({ kind: "new", nameVi: body.text || body.nameVi, shortName: null });
              else if (k === "newCollective") onChange({ kind: "newCollective", nameVi: body.text || body.nameVi });
              else if (k === "agency" && agencies[0]) onChange({ kind: "agency", agencyId: agencies[0].id });
              else if (k === "collective" && collectives[0]) onChange({ kind: "collective", code: collectives[0].code });
              else onChange(undefined);
            }}
          >
            <MenuItem value="">{t("unresolved")}</MenuItem>
            <MenuItem value="agency">{t("kindAgency")}</MenuItem>
            <MenuItem value="collective">{t("kindCollective")}</MenuItem>
            <MenuItem value="new">{t("kindNew")}</MenuItem>
            {canCreateCollective ? <MenuItem value="newCollective">{t("kindNewCollective")}</MenuItem> : null}
          </TextField>
          {choice?.kind === "agency" ? (
            <Autocomplete
              sx={{ flex: 1, minWidth: 240 }}
              options={agencies}
              value={agencies.find((a) => a.id === choice.agencyId) ?? null}
              getOptionLabel={(o) => o.nameVi}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              onChange={(_e, next) => onChange(next ? { kind: "agency", agencyId: next.id } : undefined)}
              renderInput={(params) => <TextField {...params} size="small" label={t("pickAgency")} />}
            />
          ) : choice?.kind === "collective" ? (
            <Autocomplete
              sx={{ flex: 1, minWidth: 240 }}
              options={collectives}
              value={collectives.find((c) => c.code === choice.code) ?? null}
              getOptionLabel={(o) => o.nameVi}
              isOptionEqualToValue={(a, b) => a.code === b.code}
              onChange={(_e, next) => onChange(next ? { kind: "collective", code: next.code } : undefined)}
              renderInput={(params) => <TextField {...params} size="small" label={t("pickCollective")} />}
            />
          ) : choice?.kind === "new" || choice?.kind === "newCollective" ? (
            <TextField sx={{ flex: 1, minWidth: 240 }} size="small" label={t("newName")} value={choice.nameVi} onChange={(e) => onChange({ ...choice, nameVi: e.target.value })} />
          ) : null}
        </Stack>
      </TableCell>
    </TableRow>
  );
}

/** The saved reviews, to resume one. */
function SavedReviews({ onResume }: { onResume: (id: number) => void }) {
  const t = useT();
  const { locale } = useUiLocale();
  const [rows, setRows] = useState<Rec[] | null>(null);
  useEffect(() => {
    trpc.planImport.list
      .query()
      .then((r) => setRows(r as unknown as Rec[]))
      .catch(() => setRows([]));
  }, []);
  if (!rows) return <LinearProgress />;
  if (!rows.length) return <Typography color="text.secondary">{t("noSaved")}</Typography>;
  return (
    <Table size="small" data-testid="saved-reviews">
      <TableHead>
        <TableRow>
          <TableCell>{t("fileName")}</TableCell>
          <TableCell>{t("documentTitle")}</TableCell>
          <TableCell>{t("updatedAt")}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell>{String(r.fileName)}</TableCell>
            <TableCell>
              {String(r.titleVi ?? "")}
              <Typography variant="caption" color="text.secondary" sx={{ display: "block" }}>
                {t("counts", { targets: r.targets, tasks: r.tasks })} · {t(`status.${String(r.status)}`)}
              </Typography>
            </TableCell>
            <TableCell>{formatDateTime(String(r.updatedAt), locale)}</TableCell>
            <TableCell>
              {r.status === "reviewing" ? (
                <Button size="small" onClick={() => onResume(r.id)} data-testid="resume-review">
                  {t("resume")}
                </Button>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function PlanImportPage() {
  const t = useT();
  const notify = useNotify();
  const navigate = useNavigate();
  const { locale } = useUiLocale();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [percent, setPercent] = useState(0);
  const [failure, setFailure] = useState<string[] | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<Saved>(null);
  const [localityId, setLocalityId] = useState<number | null>(null);
  const [parentPlanId, setParentPlanId] = useState<number | null>(null);
  const [assignees, setAssignees] = useState<Record<string, Choice>>({});
  const [tab, setTab] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);

  const { data: indicatorRows } = useGetList("indicators", { pagination: { page: 1, perPage: 1000 }, sort: { field: "code", order: "ASC" } }, { staleTime: 10 * 60_000 });
  const { data: localityRows } = useGetList("localities", { pagination: { page: 1, perPage: 2000 }, sort: { field: "nameVi", order: "ASC" } }, { staleTime: 10 * 60_000 });
  const { data: agencyRows } = useGetList("agencies", { pagination: { page: 1, perPage: 5000 }, sort: { field: "nameVi", order: "ASC" } }, { enabled: draft !== null });
  const { data: collectiveRows } = useGetList("collectiveAssignees", { pagination: { page: 1, perPage: 500 }, sort: { field: "code", order: "ASC" } }, { staleTime: 10 * 60_000, enabled: draft !== null });
  const { data: planRows } = useGetList("plans", { pagination: { page: 1, perPage: 1000 }, sort: { field: "issuedOn", order: "DESC" } }, { enabled: draft !== null });
  const indicators = useMemo<IndicatorOption[]>(() => (indicatorRows ?? []).map((i) => ({ code: String(i.code), nameVi: String(i.nameVi), unit: String(i.unit) })), [indicatorRows]);
  const agencies = useMemo<Named[]>(() => (agencyRows ?? []).map((a) => ({ id: Number(a.id), nameVi: String(a.nameVi), code: String(a.code) })), [agencyRows]);
  const collectives = useMemo<Named[]>(() => (collectiveRows ?? []).map((c) => ({ id: Number(c.id), nameVi: String(c.nameVi), code: String(c.code) })), [collectiveRows]);

  // Collectives are written by administrators: only they may create one on the spot.
  const { canAccess: canCreateCollective = false } = useCanAccess({ resource: "collectiveAssignees", action: "create" });
  const bodies = useMemo(() => (draft ? namedBodies(draft) : []), [draft]);
  const unresolved = bodies.filter((b) => !assignees[b.code]).length;
  const pending = draft ? pendingCount(draft) : 0;

  /** A finding's sentence for an error naming it (the API names findings by id, which officers never see). */
  const explain = (error: unknown): string[] => {
    const fields = (error as { data?: { eduplan?: { fieldErrors?: { path: string; message: { vi: string; en: string } }[] } } }).data?.eduplan?.fieldErrors ?? [];
    const lines = fields.map(({ path, message }) => {
      const id = path.match(/^findings\.([^.]+)/)?.[1];
      const f = id && draft ? [...draft.targets, ...draft.tasks, ...draft.reportingDuties].find((x) => x.id === id) : undefined;
      const text = locale === "en" ? message.en : message.vi;
      return f ? `“${f.source.sentence.slice(0, 140)}”: ${text}` : text;
    });
    return lines.length ? lines : [describeError(error, locale).message];
  };

  const upload = async (file: File) => {
    setBusy(true);
    setFailure(null);
    setPercent(0);
    try {
      const base64 = await readAsBase64(file, (f) => setPercent(f * 30));
      const result = await uploadClient((f) => setPercent(30 + f * 40)).planImport.read.mutate({ filename: file.name, base64 });
      setDraft(result.draft);
      setSaved(null);
      setLocalityId(result.localityId);
      setParentPlanId(result.parentPlanId);
      setAssignees(result.assignees);
      setTab(0);
    } catch (error) {
      setFailure([describeError(error, locale).message]);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  };

  const resume = async (id: number) => {
    setBusy(true);
    try {
      const r = (await trpc.planImport.get.query({ id })) as unknown as Rec & { draft: Draft; assignees: Record<string, Choice> };
      setDraft(r.draft);
      setSaved({ id: r.id, version: r.version });
      setLocalityId(Number(r.localityId));
      setParentPlanId((r.parentPlanId as number | null) ?? null);
      setAssignees(r.assignees ?? {});
      setFailure(null);
      setTab(0);
    } catch (error) {
      notify(describeError(error, locale).message, { type: "error" });
    } finally {
      setBusy(false);
    }
  };

  const save = async (): Promise<Saved> => {
    if (!draft || localityId === null) return null;
    const kept = Object.fromEntries(bodies.filter((b) => assignees[b.code]).map((b) => [b.code, assignees[b.code]!]));
    const r = await uploadClient(() => {}).planImport.save.mutate({ ...(saved ?? {}), localityId, parentPlanId, draft, assignees: kept });
    const next = { id: r.id, version: r.version };
    setSaved(next);
    return next;
  };

  const onSave = async () => {
    setBusy(true);
    try {
      await save();
      notify("eduplan.planImport.saved", { type: "success" });
    } catch (error) {
      setFailure(explain(error));
    } finally {
      setBusy(false);
    }
  };

  const onCreate = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const s = await save();
      if (!s) return;
      const { planId } = await trpc.planImport.accept.mutate(s);
      notify("eduplan.planImport.created", { type: "success" });
      void navigate(`/plans/${planId}/show/cascade`);
    } catch (error) {
      setFailure(explain(error));
      // The save went through; a retry saves over the version it left.
    } finally {
      setBusy(false);
    }
  };

  /** Another locality: what each body stands for is suggested again (the officer's new agencies are kept). */
  const changeLocality = async (id: number) => {
    setLocalityId(id);
    try {
      const refs = bodies.map((b) => ({ code: b.code, nameVi: b.nameVi.slice(0, 200), text: b.text.slice(0, 200), collective: b.collective }));
      const suggested = await uploadClient(() => {}).planImport.suggest.query({ localityId: id, refs });
      setAssignees((a) => ({ ...suggested, ...Object.fromEntries(Object.entries(a).filter(([, c]) => c.kind === "new" || c.kind === "newCollective")) }));
    } catch (error) {
      notify(describeError(error, locale).message, { type: "error" });
    }
  };

  const onDecide = (id: string, status: Status, patch?: Record<string, unknown>) => setDraft((d) => (d ? decide(d, id, status, patch) : d));

  const findingsPane = useRef<HTMLDivElement>(null);
  const [fromText, setFromText] = useState(0);
  useEffect(() => {
    if (!selected || !fromText) return;
    findingsPane.current?.querySelector(`[data-finding="${CSS.escape(selected)}"]`)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [fromText, selected, tab]);

  const select = (id: string) => {
    setSelected(id);
    setFromText((n) => n + 1);
    if (!draft) return;
    if (draft.targets.some((f) => f.id === id)) setTab(0);
    else if (draft.tasks.some((f) => f.id === id)) setTab(1);
    else if (draft.reportingDuties.some((f) => f.id === id)) setTab(2);
  };

  return (
    <Box sx={{ p: 2, minWidth: 0, maxWidth: "100%" }}>
      <Title title={t("title")} />
      <Typography variant="h5" gutterBottom>
        {t("title")}
      </Typography>
      {busy ? <LinearProgress variant={percent > 0 && percent < 70 ? "determinate" : "indeterminate"} value={percent} sx={{ mb: 1 }} /> : null}
      {failure ? (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="plan-import-error">
          {failure.length > 1 ? t("refused") : null}
          {failure.map((line, i) => (
            <Box key={i}>{line}</Box>
          ))}
        </Alert>
      ) : null}
      {!draft ? (
        <Stack spacing={2}>
          <Typography>{t("intro")}</Typography>
          <Box>
            <input ref={input} type="file" accept=".txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" hidden data-testid="plan-file" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
            <Button variant="contained" startIcon={<UploadFileIcon />} disabled={busy} onClick={() => input.current?.click()}>
              {t("upload")}
            </Button>
          </Box>
          <Typography variant="h6">{t("resumeTitle")}</Typography>
          <SavedReviews onResume={(id) => void resume(id)} />
        </Stack>
      ) : (
        <Stack spacing={2}>
          <Stack direction="row" useFlexGap spacing={2} sx={{ alignItems: "center", flexWrap: "wrap" }}>
            <TextField select size="small" label={t("locality")} value={localityId ?? ""} onChange={(e) => void changeLocality(Number(e.target.value))} sx={{ width: { xs: "100%", md: 240 } }} data-testid="plan-locality">
              {(localityRows ?? []).map((l) => (
                <MenuItem key={l.id} value={l.id}>
                  {String(l.nameVi)}
                </MenuItem>
              ))}
            </TextField>
            <TextField select size="small" label={t("parentPlan")} value={parentPlanId ?? ""} onChange={(e) => setParentPlanId(e.target.value === "" ? null : Number(e.target.value))} sx={{ width: { xs: "100%", md: 420 } }}>
              <MenuItem value="">{t("noParent")}</MenuItem>
              {(planRows ?? []).map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {[p.number, p.titleVi].filter(Boolean).join(" — ")}
                </MenuItem>
              ))}
            </TextField>
            <Box sx={{ flex: 1 }} />
            <Button
              sx={{ whiteSpace: "nowrap", flexShrink: 0 }}
              disabled={busy}
              onClick={() => {
                setDraft(null);
                setSaved(null);
                setFailure(null);
                setSelected(null);
              }}
            >
              {t("another")}
            </Button>
            <Button sx={{ whiteSpace: "nowrap", flexShrink: 0 }} onClick={() => setDraft(acceptPending(draft))} disabled={busy || pending === 0} data-testid="accept-rest">
              {t("acceptRest")}
            </Button>
            <Button variant="outlined" sx={{ whiteSpace: "nowrap", flexShrink: 0 }} onClick={() => void onSave()} disabled={busy || localityId === null} data-testid="save-review">
              {t("save")}
            </Button>
            <Button variant="contained" sx={{ whiteSpace: "nowrap", flexShrink: 0 }} onClick={() => void onCreate()} disabled={busy || localityId === null} data-testid="create-plan">
              {t("create")}
            </Button>
          </Stack>
          {pending ? <Alert severity="info">{t("pendingCount", { n: pending })}</Alert> : null}
          {unresolved ? <Alert severity="warning">{t("unresolvedCount", { n: unresolved })}</Alert> : null}
          {draft.document.notes.length ? (
            <Alert severity="warning">
              {t("notes")}:{" "}
              {draft.document.notes.join("; ")}
            </Alert>
          ) : null}
          <Box sx={{ display: "grid", gap: 2, alignItems: "start", gridTemplateColumns: { xs: "minmax(0, 1fr)", lg: "minmax(0, 1fr) minmax(0, 1fr)" } }}>
            <Paper variant="outlined" sx={{ minWidth: 0 }}>
              <Typography variant="subtitle1" sx={{ px: 2, pt: 1 }}>
                {t("document")}: {draft.document.title ?? draft.fileName}
              </Typography>
              <DocumentText draft={draft} selected={selected} onSelect={select} />
            </Paper>
            <Paper variant="outlined" sx={{ minWidth: 0 }}>
              <Tabs value={tab} onChange={(_e, v: number) => setTab(v)} variant="scrollable">
                <Tab label={t("tabs.targets", { n: draft.targets.length })} data-testid="tab-targets" />
                <Tab label={t("tabs.tasks", { n: draft.tasks.length })} data-testid="tab-tasks" />
                <Tab label={t("tabs.duties", { n: draft.reportingDuties.length })} data-testid="tab-duties" />
                <Tab label={t("tabs.agencies", { n: bodies.length })} data-testid="tab-agencies" />
              </Tabs>
              <Box ref={findingsPane} sx={{ display: "grid", gap: 1, p: 1, maxHeight: "75vh", overflow: "auto" }}>
                {tab === 0
                  ? draft.targets.map((f) => <TargetCard key={f.id} target={f} indicators={indicators} selected={selected === f.id} onSelect={() => setSelected(f.id)} onDecide={(s, p) => onDecide(f.id, s, p)} />)
                  : null}
                {tab === 1 ? draft.tasks.map((f) => <TaskCard key={f.id} task={f} bodies={bodies} selected={selected === f.id} onSelect={() => setSelected(f.id)} onDecide={(s, p) => onDecide(f.id, s, p)} />) : null}
                {tab === 2 ? draft.reportingDuties.map((f) => <DutyCard key={f.id} duty={f} selected={selected === f.id} onSelect={() => setSelected(f.id)} onDecide={(s) => onDecide(f.id, s)} />) : null}
                {tab === 3 ? (
                  <Table size="small">
                    <TableHead>
                      <TableRow>
                        <TableCell>{t("agencyNamed")}</TableCell>
                        <TableCell>{t("agencyChoice")}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {bodies.map((b) => (
                        <BodyRow
                          key={b.code}
                          body={b}
                          choice={assignees[b.code]}
                          agencies={agencies}
                          collectives={collectives}
                          canCreateCollective={canCreateCollective}
                          onChange={(c) =>
                            setAssignees((a) => {
                              const next = { ...a };
                              if (c) next[b.code] = c;
                              else delete next[b.code];
                              return next;
                            })
                          }
                        />
                      ))}
                    </TableBody>
                  </Table>
                ) : null}
              </Box>
            </Paper>
          </Box>
        </Stack>
      )}
    </Box>
  );
}
