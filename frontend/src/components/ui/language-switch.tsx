import { useTranslation } from 'react-i18next';

import { changeLanguage, currentLanguage, LANGUAGES } from '@/lib/i18n';

const NAMES = { fr: 'Français', en: 'English' } as const;

/** Toggles the interface language; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-label={NAMES[language]}
          aria-pressed={language === active}
          onClick={() => void changeLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
