import { type ComponentType, lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { FullPageLoader } from '../shared/states';
import { RequireAuth } from './RequireAuth';
import { Shell } from './Shell';

/**
 * Each page is its own chunk, loaded when first visited: a packer's tablet never downloads
 * the owner's dashboard, and the first screen does not wait for every page.
 */
function page<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = page(() => import('../features/auth/LoginPage'), 'LoginPage');
const SetupPage = page(() => import('../features/auth/SetupPage'), 'SetupPage');
const StationQueuePage = page(
  () => import('../features/station/StationQueuePage'),
  'StationQueuePage',
);
const StationOrderPage = page(
  () => import('../features/station/StationOrderPage'),
  'StationOrderPage',
);
const OrdersPage = page(() => import('../features/orders/OrdersPage'), 'OrdersPage');
const NewOrderPage = page(() => import('../features/orders/NewOrderPage'), 'NewOrderPage');
const OrderPage = page(() => import('../features/orders/OrderPage'), 'OrderPage');
const PackersPage = page(() => import('../features/packers/PackersPage'), 'PackersPage');
const PackerEditPage = page(() => import('../features/packers/PackerEditPage'), 'PackerEditPage');
const DistributionPage = page(
  () => import('../features/distribution/DistributionPage'),
  'DistributionPage',
);
const StoresPage = page(() => import('../features/stores/StoresPage'), 'StoresPage');
const SettingsPage = page(() => import('../features/settings/SettingsPage'), 'SettingsPage');
const ShippingSettingsPage = page(
  () => import('../features/shipping/ShippingSettingsPage'),
  'ShippingSettingsPage',
);
const CodPage = page(() => import('../features/cod/CodPage'), 'CodPage');
const TrackingPage = page(() => import('../features/tracking/TrackingPage'), 'TrackingPage');
const PenaltiesPage = page(() => import('../features/penalties/PenaltiesPage'), 'PenaltiesPage');
const PenaltyDetailPage = page(
  () => import('../features/penalties/PenaltyDetailPage'),
  'PenaltyDetailPage',
);
const SummaryPrintPage = page(
  () => import('../features/penalties/SummaryPrintPage'),
  'SummaryPrintPage',
);
const StationRecordPage = page(
  () => import('../features/penalties/StationRecordPage'),
  'StationRecordPage',
);
const ReportsPage = page(() => import('../features/reports/ReportsPage'), 'ReportsPage');
const NotFoundPage = page(() => import('../features/placeholders/NotFoundPage'), 'NotFoundPage');

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageLoader />}>
      <Routes>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/login" element={<LoginPage mode="staff" />} />
        <Route path="/login/packer" element={<LoginPage mode="packer" />} />
        <Route path="/t/:token" element={<TrackingPage />} />
        {/* The shop's station address: the packer login with the shop named (see station-code.ts). */}
        <Route path="/station/:code" element={<LoginPage mode="packer" />} />
        <Route element={<RequireAuth roles={['packer']} />}>
          <Route path="/station" element={<StationQueuePage />} />
          <Route path="/station/orders/:id" element={<StationOrderPage />} />
          <Route path="/station/record" element={<StationRecordPage />} />
        </Route>
        <Route element={<RequireAuth roles={['owner', 'manager']} />}>
          {/* Printed without the menu (the payroll sheet). */}
          <Route path="/penalties/print/:month" element={<SummaryPrintPage />} />
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
            <Route path="/shipping" element={<ShippingSettingsPage />} />
            <Route path="/cod" element={<CodPage />} />
            <Route path="/reports" element={<ReportsPage />} />
            <Route path="/penalties" element={<PenaltiesPage />} />
            <Route path="/penalties/:id" element={<PenaltyDetailPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
