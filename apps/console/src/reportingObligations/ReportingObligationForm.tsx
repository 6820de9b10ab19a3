import { Box } from "@mui/material";
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from "react-admin";
import { AppCreate, AppEdit, EditForm } from "../common/pages";
import { CHOICES } from "../enums";
import { dayFirstToMonthDay, monthDayToDayFirst, usePlanCollectiveChoices, validMonthDay } from "./collectives";

const grid = { display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, columnGap: 2, width: "100%" } as const;

/**
 * A reporting duty of a plan: who reports (an agency, a collective, both or neither), to whom (several recipients),
 * through whom ("qua Sở GD&ĐT"), how often ("theo yêu cầu"), by which day of the year (or none).
 */
function ObligationFields() {
  const collectives = usePlanCollectiveChoices();
  return (
    <>
      <Box sx={grid}>
        <ReferenceInput source="planId" reference="plans">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <SelectInput source="frequency" choices={CHOICES.reportFrequency} validate={required()} />
        <TextInput source="subjectVi" multiline minRows={2} validate={required()} sx={{ gridColumn: "1 / -1" }} />
        <ReferenceInput source="reporterAgencyId" reference="agencies">
          <AutocompleteInput />
        </ReferenceInput>
        <SelectInput source="reporterCollectiveCode" choices={collectives} emptyText="—" />
        <ReferenceInput source="recipientAgencyId" reference="agencies">
          <AutocompleteInput />
        </ReferenceInput>
        <ReferenceArrayInput source="furtherRecipientAgencyIds" reference="agencies" perPage={50}>
          <AutocompleteArrayInput />
        </ReferenceArrayInput>
        <ReferenceInput source="viaAgencyId" reference="agencies">
          <AutocompleteInput />
        </ReferenceInput>
        <Box />
        <TextInput source="dueMonthDay" format={monthDayToDayFirst} parse={dayFirstToMonthDay} validate={validMonthDay} helperText="eduplan.reportingObligations.dueHint" />
        <NumberInput source="dueYear" step={1} helperText="eduplan.reportingObligations.dueYearHint" />
      </Box>
    </>
  );
}

const back = (_resource?: string, id?: unknown) => (id ? `reportingObligations/${String(id)}/show` : "reportingObligations");

export const ReportingObligationEdit = () => (
  <AppEdit redirect={back}>
    <EditForm>
      <ObligationFields />
    </EditForm>
  </AppEdit>
);

export const ReportingObligationCreate = () => (
  <AppCreate redirect={back}>
    <SimpleForm defaultValues={{ furtherRecipientAgencyIds: [], frequency: "yearly" }}>
      <ObligationFields />
    </SimpleForm>
  </AppCreate>
);
