// 日本語 / English: changes the console at once and remembers the choice.
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES } from '../i18n/index.js';
import { useSession } from './session.js';

const NAMES = { ja: '日本語', en: 'English' } as const;

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  return (
    <label className="inline-field">
      <span>{t('shell.language')}</span>
      <select
        value={i18n.language}
        data-testid="language"
        onChange={(e) => {
          if (isLanguage(e.target.value)) void session.setLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
