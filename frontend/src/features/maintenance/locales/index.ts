import { maintenanceFr } from '@/features/maintenance/locales/fr';
import { defineNamespace } from '@/lib/i18n-namespaces';

declare module '@/locales/resources' {
  interface Resources {
    maintenance: typeof maintenanceFr;
  }
}

export const maintenanceTranslations = defineNamespace(
  'maintenance',
  maintenanceFr,
  async () => (await import('@/features/maintenance/locales/en')).maintenanceEn,
);
