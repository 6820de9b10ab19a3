import { Box } from "@mui/material";
import {
  AutocompleteInput,
  BooleanInput,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from "react-admin";
import { VnDateInput as DateInput } from "../common/dateInput";
import { useLevelChoices } from "../common/fields";
import { AppCreate, AppEdit, EditForm } from "../common/pages";
import { CHOICES } from "../enums";

function LocalityFields() {
  const levels = useLevelChoices("localityLevels");
  return (
    <>
      <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, columnGap: 2, width: "100%" }}>
        <TextInput source="nameVi" validate={required()} />
        <TextInput source="nameEn" />
        <SelectInput source="levelCode" choices={levels} validate={required()} />
        <ReferenceInput source="parentId" reference="localities">
          <AutocompleteInput />
        </ReferenceInput>
        <TextInput source="code" validate={required()} />
        <TextInput source="officialCode" />
        <DateInput source="validFrom" />
        <DateInput source="validTo" />
        <ReferenceInput source="successorId" reference="localities">
          <AutocompleteInput />
        </ReferenceInput>
        <NumberInput source="population" min={0} step={1} />
      </Box>
      {CHOICES.areaFlag.map((flag) => (
        <BooleanInput key={flag.id} source={flag.id} />
      ))}
    </>
  );
}

export const LocalityEdit = () => (
  <AppEdit>
    <EditForm>
      <LocalityFields />
    </EditForm>
  </AppEdit>
);

export const LocalityCreate = () => (
  <AppCreate>
    <SimpleForm>
      <LocalityFields />
    </SimpleForm>
  </AppCreate>
);
