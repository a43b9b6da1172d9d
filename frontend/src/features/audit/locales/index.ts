import { auditFr } from '@/features/audit/locales/fr';
import { defineNamespace } from '@/lib/i18n-namespaces';

declare module '@/locales/resources' {
  interface Resources {
    audit: typeof auditFr;
  }
}

export const auditTranslations = defineNamespace(
  'audit',
  auditFr,
  async () => (await import('@/features/audit/locales/en')).auditEn,
);
