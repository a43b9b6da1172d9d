import { incidentsFr } from '@/features/incidents/locales/fr';
import { defineNamespace } from '@/lib/i18n-namespaces';

declare module '@/locales/resources' {
  interface Resources {
    incidents: typeof incidentsFr;
  }
}

export const incidentsTranslations = defineNamespace(
  'incidents',
  incidentsFr,
  async () => (await import('@/features/incidents/locales/en')).incidentsEn,
);
