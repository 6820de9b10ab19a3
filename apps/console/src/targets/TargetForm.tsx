import { Box, Divider, Typography } from "@mui/material";
import {
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useTranslate,
} from "react-admin";
import { COUNTED_GROUP_RELATIONS } from "@eduplan/domain";
import { useIndicatorOf, useLevelChoices } from "../common/fields";
import { DecimalInput } from "../common/inputs";
import { AppCreate, AppEdit, EditForm } from "../common/pages";
import { CHOICES } from "../enums";
import { RoadmapEditor } from "./RoadmapEditor";

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

const GROUP_RELATION_CHOICES = COUNTED_GROUP_RELATIONS.map((id) => ({ id, name: `eduplan.enum.countedGroupRelation.${id}` }));

function BoundInputs({ indicatorId, comparator, isApproximate }: { indicatorId: unknown; comparator: unknown; isApproximate: unknown }) {
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
      <BooleanInput source="isApproximate" />
      {isApproximate ? <DecimalInput source="approximateTolerance" /> : <span />}
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
      <FormDataConsumer>{({ formData }) => <BoundInputs indicatorId={formData.indicatorId} comparator={formData.comparator} isApproximate={formData.isApproximate} />}</FormDataConsumer>
      <Section label="resources.targets.sections.condition" />
      <Box sx={grid}>
        <SelectInput source="areaFlag" choices={CHOICES.areaFlag} />
        <SelectInput source="breakdownEducationLevelCode" choices={levels} />
        <SelectArrayInput source="pooledEducationLevelCodes" choices={levels} />
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
        <NumberInput source="countedNumerator" step={1} min={0} />
        <NumberInput source="countedDenominator" step={1} min={1} />
        <SelectInput source="countedGroupRelation" choices={GROUP_RELATION_CHOICES} />
      </Box>
      <Section label="resources.targets.sections.reference" />
      <Box sx={grid}>
        <ReferenceInput source="referencePlanId" reference="plans">
          <AutocompleteInput />
        </ReferenceInput>
        <TextInput source="referenceCitedVi" sx={{ gridColumn: "span 2" }} />
      </Box>
      <Section label="resources.targets.sections.source" />
      <Box sx={grid}>
        <TextInput source="section" />
        <TextInput source="phraseVi" multiline sx={{ gridColumn: "span 2" }} />
        <TextInput source="noteVi" multiline sx={{ gridColumn: "1 / -1" }} />
      </Box>
    </>
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
    <RoadmapEditor />
  </AppEdit>
);

export const TargetCreate = () => (
  <AppCreate redirect={redirectToPlan}>
    <SimpleForm defaultValues={{ comparator: "gte", appliesEveryYear: false, isAspirational: false, isApproximate: false, pooledEducationLevelCodes: [] }}>
      <TargetFields />
    </SimpleForm>
  </AppCreate>
);
