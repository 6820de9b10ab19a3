import { Box } from "@mui/material";
import { AutocompleteInput, NumberInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from "react-admin";
import { VnDateInput as DateInput } from "../common/dateInput";
import { AppCreate, AppEdit, EditForm } from "../common/pages";
import { CHOICES } from "../enums";

function PlanFields() {
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr 1fr" }, columnGap: 2, width: "100%" }}>
      <SelectInput source="documentKind" choices={CHOICES.documentKind} validate={required()} />
      <TextInput source="number" />
      <TextInput source="code" validate={required()} />
      <TextInput source="titleVi" validate={required()} multiline sx={{ gridColumn: "1 / -1" }} />
      <TextInput source="titleEn" multiline sx={{ gridColumn: "1 / -1" }} />
      <ReferenceInput source="localityId" reference="localities">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <TextInput source="issuingBodyVi" />
      <ReferenceInput source="issuingAgencyId" reference="agencies">
        <AutocompleteInput />
      </ReferenceInput>
      <DateInput source="issuedOn" />
      <TextInput source="signer" />
      <TextInput source="signerTitleVi" />
      <NumberInput source="periodStart" step={1} />
      <NumberInput source="periodEnd" step={1} />
      <NumberInput source="visionYear" step={1} />
      <SelectInput source="status" choices={CHOICES.planStatus} />
      <ReferenceInput source="parentPlanId" reference="plans">
        <AutocompleteInput />
      </ReferenceInput>
      <span />
      <TextInput source="generalObjectiveVi" multiline minRows={3} sx={{ gridColumn: "1 / -1" }} />
      <TextInput source="noteVi" multiline sx={{ gridColumn: "1 / -1" }} />
    </Box>
  );
}

export const PlanEdit = () => (
  <AppEdit redirect="show">
    <EditForm>
      <PlanFields />
    </EditForm>
  </AppEdit>
);

export const PlanCreate = () => (
  <AppCreate>
    <SimpleForm defaultValues={{ documentKind: "plan", status: "draft" }}>
      <PlanFields />
    </SimpleForm>
  </AppCreate>
);
