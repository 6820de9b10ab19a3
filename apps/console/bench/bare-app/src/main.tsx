/**
 * The baseline of the console's first-load bench (../first-load.ts): a bare react-admin app — the same react-admin,
 * MUI and React as the console, built by the same vite — with a login page, one resource and its guessed list.
 * It is what any react-admin app ships before its own pages.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Admin, ListGuesser, Resource, type AuthProvider, type DataProvider } from "react-admin";

const records = [{ id: 1, name: "A" }];
const dataProvider = {
  getList: async () => ({ data: records, total: records.length }),
  getOne: async () => ({ data: records[0] }),
  getMany: async () => ({ data: records }),
  getManyReference: async () => ({ data: records, total: records.length }),
  create: async () => ({ data: records[0] }),
  update: async () => ({ data: records[0] }),
  updateMany: async () => ({ data: [1] }),
  delete: async () => ({ data: records[0] }),
  deleteMany: async () => ({ data: [1] }),
} as unknown as DataProvider;

let loggedIn = false;
const authProvider: AuthProvider = {
  login: async () => {
    loggedIn = true;
  },
  logout: async () => {
    loggedIn = false;
  },
  checkAuth: async () => (loggedIn ? undefined : Promise.reject(new Error("not logged in"))),
  checkError: async () => undefined,
  getPermissions: async () => undefined,
};

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Admin dataProvider={dataProvider} authProvider={authProvider} requireAuth disableTelemetry>
      <Resource name="items" list={ListGuesser} />
    </Admin>
  </StrictMode>,
);
