import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import { fr, type Messages } from '@/locales/fr';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'copro.language';

// French ships with the first load; English is fetched the first time someone asks for it.
const LOADERS: Record<Language, () => Promise<Messages>> = {
  fr: async () => fr,
  en: async () => (await import('@/locales/en')).en,
};

function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value);
}

function rememberedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'fr';
  } catch {
    return 'fr';
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage ?? null) ? (i18n.resolvedLanguage as Language) : 'fr';
}

// What must be ready before the interface speaks another language: the texts of the lazily
// loaded parts (src/lib/i18n-namespaces.ts registers them when they load).
const preparations = new Set<(language: Language) => Promise<void>>();

export function beforeLanguageSwitch(prepare: (language: Language) => Promise<void>): void {
  preparations.add(prepare);
}

async function switchTo(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await LOADERS[language]());
  }
  await Promise.all([...preparations].map((prepare) => prepare(language)));
  await i18n.changeLanguage(language);
}

/** Switches the interface language and remembers the choice in this browser. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may forbid storage; the choice then lasts for this visit only.
  }
  await switchTo(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr } },
  lng: 'fr',
  fallbackLng: 'fr',
  supportedLngs: LANGUAGES,
  partialBundledLanguages: true,
  interpolation: { escapeValue: false },
  returnNull: false,
  // French is bundled, so there is nothing to wait for: translate on the very first render.
  initAsync: false,
});

/** Settles once the remembered language is ready: the first render waits for it, so a visitor
 * who chose English never sees a flash of French. */
export const languageReady: Promise<void> = (() => {
  const remembered = rememberedLanguage();
  return remembered === 'fr' ? Promise.resolve() : switchTo(remembered).catch(() => undefined);
})();

export { i18n };
