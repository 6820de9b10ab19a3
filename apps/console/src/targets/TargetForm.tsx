import { Box, Divider, Typography } from "@mui/material";
import {
  AutocompleteInput,
  BooleanInput,
  CreateButton,
  DataTable,
  EditButton,
  FormDataConsumer,
  Labeled,
  NumberInput,
  ReferenceInput,
  ReferenceManyField,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { useIndicatorOf, useLevelChoices, UnitValueField } from "../common/fields";
import { DecimalInput } from "../common/inputs";
import { AppCreate, AppEdit, EditForm } from "../common/pages";
import { CHOICES } from "../enums";

function Section({ label }: { label: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ width: "100%", mt: 2 }}>
      <Typography variant="subtitle2" color="primary">
        {translate(label)}
      </Typography>
      <Divider />
    </Box>
  );
}

const grid = { display: "grid", gridTemplateColumns: { md: "1fr 1fr 1fr" }, columnGap: 2, width: "100%", alignItems: "start" } as const;

const unitSymbol = (unit: string | undefined) => (unit === "percent" ? "%" : undefined);

function BoundInputs({ indicatorId, comparator }: { indicatorId: unknown; comparator: unknown }) {
  const indicator = useIndicatorOf(indicatorId);
  const symbol = unitSymbol(indicator?.unit);
  return (
    <Box sx={grid}>
      <SelectInput source="comparator" choices={CHOICES.comparator} validate={required()} />
      <DecimalInput source="value" unit={symbol} />
      {comparator === "range" ? <DecimalInput source="valueMax" unit={symbol} /> : <span />}
      <NumberInput source="targetYear" step={1} />
      <DecimalInput source="baselineValue" unit={symbol} />
      <NumberInput source="baselineYear" step={1} />
      <BooleanInput source="appliesEveryYear" />
      <BooleanInput source="isAspirational" />
    </Box>
  );
}

function TargetFields() {
  const levels = useLevelChoices("educationLevels");
  return (
    <>
      <Box sx={grid}>
        <ReferenceInput source="planId" reference="plans">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <ReferenceInput source="indicatorId" reference="indicators">
          <AutocompleteInput validate={required()} sx={{ gridColumn: "span 2" }} />
        </ReferenceInput>
        <TextInput source="code" validate={required()} />
        <FormDataConsumer>
          {({ formData }) => (
            <ReferenceInput source="parentTargetId" reference="targets" filter={formData.planId ? { planId: formData.planId } : {}}>
              <AutocompleteInput optionText={(t: Record<string, unknown>) => String(t.code ?? t.id)} />
            </ReferenceInput>
          )}
        </FormDataConsumer>
      </Box>
      <Section label="resources.targets.sections.bound" />
      <FormDataConsumer>{({ formData }) => <BoundInputs indicatorId={formData.indicatorId} comparator={formData.comparator} />}</FormDataConsumer>
      <Section label="resources.targets.sections.condition" />
      <Box sx={grid}>
        <SelectInput source="areaFlag" choices={CHOICES.areaFlag} />
        <SelectInput source="breakdownEducationLevelCode" choices={levels} />
        <span />
        <NumberInput source="ageFrom" step={1} min={0} />
        <NumberInput source="ageTo" step={1} min={0} />
        <span />
        <TextInput source="conditionVi" multiline sx={{ gridColumn: "1 / -1" }} />
        <TextInput source="conditionEn" multiline sx={{ gridColumn: "1 / -1" }} />
      </Box>
      <Section label="resources.targets.sections.counting" />
      <Box sx={grid}>
        <SelectInput source="countedEntity" choices={CHOICES.countedEntity} />
        <TextInput source="countingCriterionVi" />
        <TextInput source="countingOutOfVi" />
      </Box>
      <Section label="resources.targets.sections.source" />
      <Box sx={grid}>
        <TextInput source="section" />
        <TextInput source="phraseVi" multiline sx={{ gridColumn: "span 2" }} />
      </Box>
    </>
  );
}

/** The target's roadmap, below its form: each year's value, editable one by one. */
function Milestones() {
  const record = useRecordContext();
  const indicator = useIndicatorOf(record?.indicatorId);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Labeled label="resources.targets.fields.milestones" fullWidth>
        <ReferenceManyField
          reference="milestones"
          target="targetId"
          sort={{ field: "year", order: "ASC" }}
          perPage={50}
          empty={<Typography variant="body2" color="text.secondary">{translate("eduplan.plans.noMilestones")}</Typography>}
        >
          <DataTable bulkActionButtons={false} rowClick="edit">
            <DataTable.Col source="year" />
            <DataTable.Col source="value" render={() => <UnitValueField source="value" unit={indicator?.unit} />} />
            <DataTable.Col source="valueMax" render={() => <UnitValueField source="valueMax" unit={indicator?.unit} />} />
            <DataTable.Col source="noteVi" />
            <DataTable.Col label={false} render={() => <EditButton />} />
          </DataTable>
        </ReferenceManyField>
      </Labeled>
      <CreateButton resource="milestones" state={{ record: { targetId: record.id } }} label="eduplan.plans.addMilestone" />
    </Box>
  );
}

const redirectToPlan = (_resource?: string, _id?: unknown, data?: Record<string, unknown>) =>
  data?.planId ? `plans/${String(data.planId)}/show/targets` : "targets";

/** Edit a target: pessimistic, so the server's checks (a percentage above 100, a range upside down) show under the fields. */
export const TargetEdit = () => (
  <AppEdit redirect={redirectToPlan}>
    <EditForm>
      <TargetFields />
    </EditForm>
    <Milestones />
  </AppEdit>
);

export const TargetCreate = () => (
  <AppCreate redirect={redirectToPlan}>
    <SimpleForm defaultValues={{ comparator: "gte", appliesEveryYear: false, isAspirational: false }}>
      <TargetFields />
    </SimpleForm>
  </AppCreate>
);
