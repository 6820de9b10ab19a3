import { Box } from "@mui/material";
import { ArrayInput, AutocompleteInput, ReferenceInput, required, SelectInput, SimpleForm, SimpleFormIterator, TextInput } from "react-admin";
import { VnDateInput as DateInput } from "../common/dateInput";
import { AppCreate, AppEdit, EditForm } from "../common/pages";
import { CHOICES } from "../enums";

function AgencyFields() {
  return (
    <>
      <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, columnGap: 2, width: "100%" }}>
        <TextInput source="nameVi" validate={required()} />
        <TextInput source="nameEn" />
        <TextInput source="shortName" />
        <SelectInput source="kind" choices={CHOICES.agencyKind} validate={required()} />
        <ReferenceInput source="localityId" reference="localities">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <ReferenceInput source="parentId" reference="agencies">
          <AutocompleteInput />
        </ReferenceInput>
        <TextInput source="code" validate={required()} />
        <span />
        <DateInput source="validFrom" />
        <DateInput source="validTo" />
      </Box>
      <ArrayInput source="formerNames">
        <SimpleFormIterator inline>
          <TextInput source="nameVi" label="resources.agencies.fields.formerNames.nameVi" validate={required()} />
          <DateInput source="until" label="resources.agencies.fields.formerNames.until" />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}

export const AgencyEdit = () => (
  <AppEdit>
    <EditForm>
      <AgencyFields />
    </EditForm>
  </AppEdit>
);

export const AgencyCreate = () => (
  <AppCreate>
    <SimpleForm defaultValues={{ formerNames: [] }}>
      <AgencyFields />
    </SimpleForm>
  </AppCreate>
);
