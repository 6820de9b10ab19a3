import { Box } from "@mui/material";
import { TASK_CONFLICT_FIELDS, TASK_SOURCES } from "@eduplan/domain";
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  FormDataConsumer,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useGetList,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { VnDateInput as DateInput } from "../common/dateInput";
import { localName, useUiLocale } from "../common/locale";
import { AppCreate, AppEdit, EditForm } from "../common/pages";
import { CHOICES } from "../enums";

const grid = { display: "grid", gridTemplateColumns: { md: "1fr 1fr 1fr" }, columnGap: 2, width: "100%", alignItems: "start" } as const;

/** The inputs of a timing, by kind (GLOSSARY: "Năm 2026", "hằng năm", "Khi Luật được ban hành"). */
function TimingInputs({ kind }: { kind: unknown }) {
  switch (kind) {
    case "year":
      return <NumberInput source="timing.year" step={1} validate={required()} />;
    case "yearly":
    case "continuous":
      return (
        <>
          <NumberInput source="timing.from" step={1} />
          <NumberInput source="timing.to" step={1} />
        </>
      );
    case "yearThenYearly":
      return (
        <>
          <NumberInput source="timing.year" step={1} validate={required()} />
          <NumberInput source="timing.to" step={1} />
        </>
      );
    case "yearRange":
      return (
        <>
          <NumberInput source="timing.from" step={1} validate={required()} />
          <NumberInput source="timing.to" step={1} validate={required()} />
        </>
      );
    case "schoolYear":
      return <NumberInput source="timing.startYear" step={1} validate={required()} />;
    case "quarter":
      return (
        <>
          <NumberInput source="timing.year" step={1} validate={required()} />
          <NumberInput source="timing.quarter" step={1} min={1} max={4} validate={required()} />
        </>
      );
    case "date":
      return <DateInput source="timing.date" validate={required()} />;
    case "event":
      return (
        <>
          <TextInput source="timing.eventVi" validate={required()} />
          <DateInput source="timing.occurredOn" />
        </>
      );
    default:
      return null;
  }
}

/** Collective assignees ("Các sở, ban, ngành", "UBND các xã, phường"), referenced by code. */
function useCollectiveChoices() {
  const { locale } = useUiLocale();
  // Only those the task's plan may name: built in, or declared by its province (the server refuses another's).
  const planId = useWatch({ name: "planId" }) as number | null | undefined;
  const { data } = useGetList(
    "collectiveAssignees",
    { pagination: { page: 1, perPage: 200 }, sort: { field: "code", order: "ASC" }, filter: typeof planId === "number" ? { availableToPlanId: planId } : { localityId: null } },
    { staleTime: 10 * 60_000 },
  );
  return (data ?? []).map((c) => ({ id: String(c.code), name: localName(c, locale) }));
}

const choices = (enumName: string, values: readonly string[]) => values.map((id) => ({ id, name: `eduplan.enum.${enumName}.${id}` }));
const SOURCE_CHOICES = choices("taskSource", TASK_SOURCES);
const KEPT_FROM_CHOICES = choices("taskSource", ["body", "table"]);
const CONFLICT_FIELD_CHOICES = choices("taskConflictField", TASK_CONFLICT_FIELDS);

/** A task that repeats an earlier row of the plan's table: offered among the same plan's tasks. */
function DuplicateOfInput() {
  return (
    <FormDataConsumer>
      {({ formData }) => (
        <ReferenceInput source="duplicateOfId" reference="tasks" filter={formData.planId ? { planId: formData.planId } : {}}>
          <AutocompleteInput optionText={(t: Record<string, unknown>) => `${String(t.rowNumber ?? t.code ?? "")}. ${String(t.titleVi ?? "")}`} />
        </ReferenceInput>
      )}
    </FormDataConsumer>
  );
}

function TaskFields() {
  const collectives = useCollectiveChoices();
  return (
    <>
      <Box sx={grid}>
        <ReferenceInput source="planId" reference="plans">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <FormDataConsumer>
          {({ formData }) => (
            <ReferenceInput source="solutionGroupId" reference="solutionGroups" filter={formData.planId ? { planId: formData.planId } : {}}>
              <AutocompleteInput optionText={(g: Record<string, unknown>) => `${String(g.code ?? "")}. ${String(g.titleVi ?? "")}`} />
            </ReferenceInput>
          )}
        </FormDataConsumer>
        <TextInput source="code" validate={required()} />
        <TextInput source="titleVi" validate={required()} multiline sx={{ gridColumn: "1 / -1" }} />
        <TextInput source="titleEn" multiline sx={{ gridColumn: "1 / -1" }} />
        <TextInput source="descriptionVi" multiline sx={{ gridColumn: "1 / -1" }} />
        <SelectInput source="timing.kind" choices={CHOICES.timingKind} validate={required()} />
        <FormDataConsumer>{({ formData }) => <TimingInputs kind={formData.timing?.kind} />}</FormDataConsumer>
      </Box>
      <Box sx={grid}>
        <SelectInput source="status" choices={CHOICES.taskStatus} />
        <TextInput source="outputVi" sx={{ gridColumn: "span 2" }} />
      </Box>
      <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, columnGap: 2, width: "100%" }}>
        <ReferenceArrayInput source="leadAgencyIds" reference="agencies" perPage={50}>
          <AutocompleteArrayInput />
        </ReferenceArrayInput>
        <SelectArrayInput source="leadCollectiveCodes" choices={collectives} />
        <ReferenceArrayInput source="coordinatingAgencyIds" reference="agencies" perPage={50}>
          <AutocompleteArrayInput />
        </ReferenceArrayInput>
        <SelectArrayInput source="coordinatingCollectiveCodes" choices={collectives} />
        <ReferenceArrayInput source="requestedAgencyIds" reference="agencies" perPage={50}>
          <AutocompleteArrayInput />
        </ReferenceArrayInput>
        <SelectArrayInput source="requestedCollectiveCodes" choices={collectives} />
      </Box>
      <Box sx={grid}>
        <TextInput source="rowNumber" />
        <DuplicateOfInput />
        <SelectInput source="source" choices={SOURCE_CHOICES} />
        <ArrayInput source="sourceConflicts" sx={{ gridColumn: "1 / -1" }}>
          <SimpleFormIterator inline>
            <SelectInput source="field" choices={CONFLICT_FIELD_CHOICES} label="resources.tasks.fields.conflictField" validate={required()} />
            <SelectInput source="keptFrom" choices={KEPT_FROM_CHOICES} label="resources.tasks.fields.keptFrom" validate={required()} />
            <TextInput source="bodyVi" label="resources.tasks.fields.bodyVi" validate={required()} />
            <TextInput source="tableVi" label="resources.tasks.fields.tableVi" validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>
        <TextInput source="sourceNoteVi" multiline sx={{ gridColumn: "1 / -1" }} />
      </Box>
    </>
  );
}

export const TaskEdit = () => (
  <AppEdit>
    <EditForm>
      <TaskFields />
    </EditForm>
  </AppEdit>
);

export const TaskCreate = () => (
  <AppCreate redirect="edit">
    <SimpleForm
      defaultValues={{
        status: "notStarted",
        timing: { kind: "year", year: new Date().getFullYear() },
        leadAgencyIds: [],
        coordinatingAgencyIds: [],
        leadCollectiveCodes: [],
        coordinatingCollectiveCodes: [],
        requestedAgencyIds: [],
        requestedCollectiveCodes: [],
        sourceConflicts: [],
      }}
    >
      <TaskFields />
    </SimpleForm>
  </AppCreate>
);
