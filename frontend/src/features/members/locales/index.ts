import { membersFr } from '@/features/members/locales/fr';
import { defineNamespace } from '@/lib/i18n-namespaces';

declare module '@/locales/resources' {
  interface Resources {
    members: typeof membersFr;
  }
}

export const membersTranslations = defineNamespace(
  'members',
  membersFr,
  async () => (await import('@/features/members/locales/en')).membersEn,
);
