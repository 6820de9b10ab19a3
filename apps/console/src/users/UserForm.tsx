import { Box } from "@mui/material";
import { AutocompleteInput, BooleanInput, PasswordInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput, useTranslate } from "react-admin";
import { AppCreate, AppEdit, EditForm } from "../common/pages";
import { CHOICES } from "../enums";

function UserFields({ creating }: { creating: boolean }) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, columnGap: 2, width: "100%" }}>
      <TextInput source="username" validate={required()} />
      <TextInput source="displayName" validate={required()} />
      <SelectInput source="role" choices={CHOICES.role} validate={required()} />
      <ReferenceInput source="localityId" reference="localities">
        <AutocompleteInput />
      </ReferenceInput>
      <SelectInput source="locale" choices={CHOICES.locale} />
      <BooleanInput source="isActive" />
      <PasswordInput
        source="password"
        validate={creating ? required() : undefined}
        helperText={creating ? undefined : translate("resources.users.helper.password")}
        autoComplete="new-password"
      />
    </Box>
  );
}

export const UserEdit = () => (
  <AppEdit>
    <EditForm>
      <UserFields creating={false} />
    </EditForm>
  </AppEdit>
);

export const UserCreate = () => (
  <AppCreate redirect="list">
    <SimpleForm defaultValues={{ locale: "vi", isActive: true }}>
      <UserFields creating />
    </SimpleForm>
  </AppCreate>
);
