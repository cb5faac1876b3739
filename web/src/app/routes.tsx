import { Navigate, Route, Routes } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { DistributionPage } from '../features/distribution/DistributionPage';
import { StationOrderPage } from '../features/station/StationOrderPage';
import { StationQueuePage } from '../features/station/StationQueuePage';
import { NewOrderPage } from '../features/orders/NewOrderPage';
import { OrderPage } from '../features/orders/OrderPage';
import { OrdersPage } from '../features/orders/OrdersPage';
import { PackerEditPage } from '../features/packers/PackerEditPage';
import { PackersPage } from '../features/packers/PackersPage';
import { NotFoundPage } from '../features/placeholders/NotFoundPage';
import { PlaceholderPage } from '../features/placeholders/PlaceholderPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StoresPage } from '../features/stores/StoresPage';
import { RequireAuth } from './RequireAuth';
import { Shell } from './Shell';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/login" element={<LoginPage mode="staff" />} />
      <Route path="/login/packer" element={<LoginPage mode="packer" />} />
      <Route element={<RequireAuth roles={['packer']} />}>
        <Route path="/station" element={<StationQueuePage />} />
        <Route path="/station/orders/:id" element={<StationOrderPage />} />
      </Route>
      <Route element={<RequireAuth roles={['owner', 'manager']} />}>
        <Route element={<Shell />}>
          <Route index element={<Navigate to="/orders" replace />} />
          <Route path="/orders" element={<OrdersPage />} />
          <Route path="/orders/new" element={<NewOrderPage />} />
          <Route path="/orders/:id" element={<OrderPage />} />
          <Route path="/packers" element={<PackersPage />} />
          <Route path="/packers/new" element={<PackerEditPage />} />
          <Route path="/packers/:id" element={<PackerEditPage />} />
          <Route path="/distribution" element={<DistributionPage />} />
          <Route path="/stores" element={<StoresPage />} />
          <Route path="/shipping" element={<PlaceholderPage feature="shipping" />} />
          <Route path="/reports" element={<PlaceholderPage feature="reports" />} />
          <Route path="/settings" element={<SettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
