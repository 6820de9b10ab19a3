import { createContext, lazy, Suspense, useContext, type ReactNode } from "react";
import { Box, Chip, Link as MuiLink, Stack, Tooltip, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import {
  CreateButton,
  DataTable,
  FunctionField,
  Labeled,
  Loading,
  Pagination,
  ReferenceArrayField,
  ReferenceField,
  ReferenceManyField,
  SingleFieldList,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useGetList,
  useGetOne,
  useListContext,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { printableCondition, sectionTitle } from "@eduplan/domain";
import { Link } from "react-router-dom";
import { EnumField, LocalDateField, LocalNameField, TargetValueField, useIndicatorOf, useLevelNames, YearField } from "../common/fields";
import { localName, useUiLocale } from "../common/locale";
import { AppShow } from "../common/pages";
import { formatTiming, formatValue } from "../format";
import { trpc } from "../trpc";

const CascadeTab = lazy(() => import("./CascadeTab"));

function Muted({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
      {children}
    </Typography>
  );
}

function PlanTitle() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const kind = translate(`eduplan.enum.documentKind.${String(record.documentKind)}`, { _: String(record.documentKind ?? "") });
  return <span>{record.number ? translate("eduplan.plans.documentTitle", { kind, number: record.number }) : `${kind} ${translate("eduplan.plans.noNumber")}`}</span>;
}

function Period() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Typography variant="body2">
      {record.periodStart || record.periodEnd ? `${record.periodStart ?? "…"}–${record.periodEnd ?? "…"}` : "—"}
    </Typography>
  );
}

function LocalTitle() {
  const record = useRecordContext();
  const { locale } = useUiLocale();
  if (!record) return null;
  return (
    <Typography variant="h6" component="h2" sx={{ mb: 1 }} data-testid="plan-title">
      {localName(record, locale, "title")}
    </Typography>
  );
}

const truncateTitle = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A button to create a child record of the plan, pre-filled with the plan (shown only to users who may create). */
function AddButton({ resource, label }: { resource: string; label: string }) {
  const record = useRecordContext();
  if (!record) return null;
  return <CreateButton resource={resource} state={{ record: { planId: record.id } }} label={label} />;
}

/**
 * A link to another plan. Plans above the user's area (the province's plan for a commune officer, the national
 * strategy) cannot be read: then the parent plan's number and title come from the cascade procedure (which may read
 * them), other documents are shown as outside the user's area.
 */
function PlanRef({ source }: { source: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const { locale } = useUiLocale();
  const id = record?.[source] as number | null | undefined;
  const { data, error } = useGetOne("plans", { id: id as number }, { enabled: typeof id === "number", retry: false });
  const cascade = useQuery({
    queryKey: ["eduplan", "cascade", record?.planId ?? record?.fromPlanId ?? record?.id],
    queryFn: () => trpc.progress.cascade.query({ planId: Number(record?.fromPlanId ?? record?.id) }),
    enabled: !!error && typeof id === "number",
    retry: false,
  });
  if (typeof id !== "number") return <Typography variant="body2">—</Typography>;
  if (data) {
    const text = data.number ? String(data.number) : localName(data, locale, "title").slice(0, 80);
    return (
      <MuiLink component={Link} to={`/plans/${id}/show`} variant="body2">
        {text}
      </MuiLink>
    );
  }
  if (error) {
    if (cascade.isPending) return <Typography variant="body2">…</Typography>;
    const parent = cascade.data?.parentPlan;
    if (parent && parent.id === id)
      return (
        <Typography variant="body2" component="span">
          {parent.number ?? ""} {parent.number ? "— " : ""}
          {truncateTitle(localName(parent, locale, "title"), 90)}
        </Typography>
      );
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {translate("eduplan.plans.outsideArea")} (#{id})
      </Typography>
    );
  }
  return <Typography variant="body2">…</Typography>;
}

function GeneralTab() {
  const translate = useTranslate();
  const record = useRecordContext();
  return (
    <>
      <LocalTitle />
      <Box sx={{ display: "grid", gridTemplateColumns: { md: "repeat(3, 1fr)" }, gap: 2, width: "100%" }}>
        <Labeled source="documentKind"><EnumField source="documentKind" enumName="documentKind" /></Labeled>
        <Labeled source="number"><TextField source="number" emptyText="—" /></Labeled>
        <Labeled source="status"><EnumField source="status" enumName="planStatus" chip /></Labeled>
        <Labeled source="localityId"><ReferenceField source="localityId" reference="localities" link="show" /></Labeled>
        <Labeled source="issuingBodyVi"><TextField source="issuingBodyVi" emptyText="—" /></Labeled>
        <Labeled source="issuedOn"><LocalDateField source="issuedOn" /></Labeled>
        <Labeled source="signer"><TextField source="signer" emptyText="—" /></Labeled>
        <Labeled source="signerTitleVi"><TextField source="signerTitleVi" emptyText="—" /></Labeled>
        <Labeled source="parentPlanId">{record?.parentPlanId ? <PlanRef source="parentPlanId" /> : <Typography variant="body2">{translate("eduplan.plans.noParent")}</Typography>}</Labeled>
        <Labeled label="resources.plans.fields.period"><Period /></Labeled>
        <Labeled source="visionYear"><YearField source="visionYear" /></Labeled>
        <Labeled source="code"><TextField source="code" /></Labeled>
      </Box>
      <Labeled source="generalObjectiveVi" fullWidth>
        <TextField source="generalObjectiveVi" emptyText="—" sx={{ whiteSpace: "pre-wrap" }} />
      </Labeled>
      <Labeled label="eduplan.plans.relations" fullWidth>
        <ReferenceManyField reference="documentRelations" target="fromPlanId" perPage={100} empty={<Muted>{translate("eduplan.plans.noRelations")}</Muted>}>
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="kind" render={() => <EnumField source="kind" enumName="relationKind" />} />
            <DataTable.Col
              source="citedNumber"
              render={(r) =>
                r.toPlanId ? <PlanRef source="toPlanId" /> : [r.citedKind ? translate(`eduplan.enum.documentKind.${String(r.citedKind)}`) : "", r.citedNumber ?? ""].join(" ").trim() || "—"
              }
            />
            <DataTable.Col source="citedIssuedOn" render={() => <LocalDateField source="citedIssuedOn" />} />
            <DataTable.Col source="citedIssuerVi" />
            <DataTable.Col source="citedTitleVi" />
          </DataTable>
        </ReferenceManyField>
      </Labeled>
    </>
  );
}

function SolutionGroupsTab() {
  const translate = useTranslate();
  return (
    <ReferenceManyField reference="solutionGroups" target="planId" sort={{ field: "sortOrder", order: "ASC" }} perPage={100} empty={<Muted>{translate("eduplan.plans.noSolutionGroups")}</Muted>}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="titleVi" field={LocalNameField} />
        <DataTable.Col source="summaryVi" render={(r) => <Typography variant="body2" sx={{ whiteSpace: "pre-wrap", maxWidth: 720 }}>{(r.summaryVi as string) ?? "—"}</Typography>} />
      </DataTable>
    </ReferenceManyField>
  );
}

type MilestoneRow = { id: number; targetId: number; year: number; value: number; valueMax: number | null; isSynthetic?: boolean };
const MilestonesContext = createContext<Map<number, MilestoneRow[]>>(new Map());

/** Loads the milestones of every target on the page in one call, for the roadmap column. */
function MilestonesProvider({ children }: { children: ReactNode }) {
  const { data } = useListContext();
  const ids = (data ?? []).map((t) => t.id as number);
  const { data: milestones } = useGetList<MilestoneRow>(
    "milestones",
    { filter: { targetId: ids }, pagination: { page: 1, perPage: 5000 }, sort: { field: "year", order: "ASC" } },
    { enabled: ids.length > 0 },
  );
  const byTarget = new Map<number, MilestoneRow[]>();
  for (const m of milestones ?? []) byTarget.set(m.targetId, [...(byTarget.get(m.targetId) ?? []), m]);
  return <MilestonesContext.Provider value={byTarget}>{children}</MilestonesContext.Provider>;
}

/** A target's roadmap: one chip per year ("2026: 40%"). */
function Roadmap() {
  const record = useRecordContext();
  const milestones = useContext(MilestonesContext).get(record?.id as number) ?? [];
  const indicator = useIndicatorOf(record?.indicatorId);
  const { locale } = useUiLocale();
  const translate = useTranslate();
  if (!milestones.length)
    return (
      <Tooltip title={translate("eduplan.plans.noMilestones")}>
        <Typography variant="body2" color="text.secondary">—</Typography>
      </Tooltip>
    );
  return (
    <Stack direction="row" sx={{ flexWrap: "wrap", gap: 0.5 }} data-testid="roadmap">
      {milestones.map((m) => (
        <Chip
          key={m.id}
          size="small"
          variant="outlined"
          component={Link}
          to={`/milestones/${m.id}`}
          clickable
          label={`${m.year}: ${formatValue(m.value, indicator?.unit, locale)}${m.valueMax != null ? `–${formatValue(m.valueMax, indicator?.unit, locale)}` : ""}`}
        />
      ))}
    </Stack>
  );
}

function Scope() {
  const record = useRecordContext();
  const translate = useTranslate();
  const levels = useLevelNames("educationLevels");
  if (!record) return null;
  const parts = [
    record.areaFlag ? translate(`eduplan.enum.areaFlag.${String(record.areaFlag)}`) : null,
    record.breakdownEducationLevelCode ? (levels.get(String(record.breakdownEducationLevelCode)) ?? String(record.breakdownEducationLevelCode)) : null,
    record.ageFrom != null || record.ageTo != null ? `${record.ageFrom ?? ""}–${record.ageTo ?? ""}` : null,
    // The document's conditions, without the notes left when it was modelled ("không nêu thời hạn").
    printableCondition(record.conditionVi as string | null),
  ].filter(Boolean);
  return <Typography variant="body2" sx={{ maxWidth: 320 }}>{parts.length ? parts.join(" · ") : "—"}</Typography>;
}

function TargetsTab() {
  const translate = useTranslate();
  return (
    <>
      <TopToolbar sx={{ minHeight: "auto" }}>
        <AddButton resource="targets" label="eduplan.plans.addTarget" />
      </TopToolbar>
      <ReferenceManyField reference="targets" target="planId" sort={{ field: "id", order: "ASC" }} perPage={500} empty={<Muted>{translate("eduplan.plans.noTargets")}</Muted>}>
        <MilestonesProvider>
          <DataTable bulkActionButtons={false} rowClick="edit" data-testid="plan-targets">
            <DataTable.Col source="indicatorId">
              <ReferenceField source="indicatorId" reference="indicators" link={false} />
            </DataTable.Col>
            <DataTable.Col source="value" label="resources.targets.fields.target" render={() => <TargetValueField />} />
            <DataTable.Col source="targetYear" render={() => <YearField source="targetYear" />} />
            <DataTable.Col source="conditionVi" label="resources.targets.sections.condition" disableSort render={() => <Scope />} />
            <DataTable.Col source="milestones" label="resources.targets.fields.milestones" disableSort render={() => <Roadmap />} />
          </DataTable>
        </MilestonesProvider>
      </ReferenceManyField>
    </>
  );
}

function AgencyChip() {
  const record = useRecordContext();
  if (!record) return null;
  return <Chip size="small" label={(record.shortName as string) || (record.nameVi as string)} sx={{ m: 0.25 }} />;
}

/** The row's number as the document writes it, and a flag on a row the task table repeats (never merged). */
function TaskNumber({ record }: { record: Record<string, unknown> }) {
  const translate = useTranslate();
  return (
    <>
      {String(record.rowNumber ?? record.code ?? "")}
      {record.duplicateOfId != null ? <Chip size="small" color="warning" label={translate("eduplan.tasks.duplicate")} sx={{ ml: 0.5 }} data-testid="task-duplicate" /> : null}
      {record.source === "both" && Array.isArray(record.sourceConflicts) && record.sourceConflicts.length ? (
        <Chip size="small" variant="outlined" label={translate("eduplan.tasks.sourcesDiffer")} sx={{ ml: 0.5 }} data-testid="task-sources-differ" />
      ) : null}
    </>
  );
}

function TasksTab() {
  const translate = useTranslate();
  const { locale } = useUiLocale();
  return (
    <>
      <TopToolbar sx={{ minHeight: "auto" }}>
        <AddButton resource="tasks" label="eduplan.plans.addTask" />
      </TopToolbar>
      <ReferenceManyField reference="tasks" target="planId" sort={{ field: "code", order: "ASC" }} perPage={50} pagination={<Pagination />} empty={<Muted>{translate("eduplan.plans.noTasks")}</Muted>}>
        <DataTable bulkActionButtons={false} rowClick="edit">
          <DataTable.Col source="code" render={(r) => <TaskNumber record={r} />} />
          <DataTable.Col source="titleVi" render={(r) => <Typography variant="body2" sx={{ maxWidth: 520 }}>{localName(r, locale, "title")}</Typography>} />
          <DataTable.Col source="timing" disableSort render={(r) => formatTiming(r.timing, locale)} />
          <DataTable.Col source="status" render={() => <EnumField source="status" enumName="taskStatus" chip />} />
          <DataTable.Col source="leadAgencyIds" disableSort>
            <ReferenceArrayField source="leadAgencyIds" reference="agencies">
              <SingleFieldList linkType={false}>
                <AgencyChip />
              </SingleFieldList>
            </ReferenceArrayField>
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </>
  );
}

function FundingTab() {
  const translate = useTranslate();
  return (
    <>
      <TopToolbar sx={{ minHeight: "auto" }}>
        <AddButton resource="fundingSources" label="eduplan.plans.addFunding" />
      </TopToolbar>
      <ReferenceManyField reference="fundingSources" target="planId" sort={{ field: "sortOrder", order: "ASC" }} perPage={100} empty={<Muted>{translate("eduplan.plans.noFunding")}</Muted>}>
        <DataTable bulkActionButtons={false} rowClick="edit">
          <DataTable.Col source="kind" render={() => <EnumField source="kind" enumName="fundingKind" />} />
          <DataTable.Col source="descriptionVi" render={(r) => <Typography variant="body2" sx={{ whiteSpace: "pre-wrap" }}>{r.descriptionVi as string}</Typography>} />
        </DataTable>
      </ReferenceManyField>
    </>
  );
}

function DutiesTab() {
  const translate = useTranslate();
  return (
    <ReferenceManyField reference="agencyDuties" target="planId" sort={{ field: "sortOrder", order: "ASC" }} perPage={100} empty={<Muted>{translate("eduplan.plans.noDuties")}</Muted>}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="section" render={(r) => sectionTitle(r.section as string | null) ?? "—"} />
        <DataTable.Col
          source="agencyId"
          render={(r) => (r.agencyId ? <ReferenceField source="agencyId" reference="agencies" link="show" /> : <FunctionField render={() => String(r.collectiveCode ?? "—")} />)}
        />
        <DataTable.Col source="dutiesVi" render={(r) => <Typography variant="body2" sx={{ whiteSpace: "pre-wrap", maxWidth: 760 }}>{r.dutiesVi as string}</Typography>} />
      </DataTable>
    </ReferenceManyField>
  );
}

/**
 * A plan, in tabs: its document (metadata and related documents), solution groups, targets with their yearly
 * roadmap, tasks, funding, agency duties, and the cascade check against the parent plan.
 */
export function PlanShow() {
  return (
    <AppShow title={<PlanTitle />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.plans.tabs.general">
          <GeneralTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.plans.tabs.solutionGroups" path="solution-groups">
          <SolutionGroupsTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.plans.tabs.targets" path="targets">
          <TargetsTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.plans.tabs.tasks" path="tasks">
          <TasksTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.plans.tabs.fundingSources" path="funding">
          <FundingTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.plans.tabs.agencyDuties" path="duties">
          <DutiesTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.plans.tabs.cascade" path="cascade">
          <Suspense fallback={<Loading />}>
            <CascadeTab />
          </Suspense>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </AppShow>
  );
}

export default PlanShow;
