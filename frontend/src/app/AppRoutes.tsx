import { Navigate, Route, Routes } from 'react-router-dom';
import { AdminArea } from '../features/admin/AdminArea';
import { RegisterPage } from '../features/auth/RegisterPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { SignInPage } from '../features/auth/SignInPage';
import { AppLayout } from './AppLayout';
import { UserPanel } from './UserPanel';

/**
 * `/settings/profile`, `/settings/credentials` and `/settings/credentials/:tokenId` all render the
 * one user panel, so moving between them keeps the panel (and the token table) mounted.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/register" element={<RegisterPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={null} />
        <Route path="settings/*" element={<UserPanel />} />
        <Route path="admin/*" element={<AdminArea />} />
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
