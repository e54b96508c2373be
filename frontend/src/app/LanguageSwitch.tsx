import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, toSupportedLanguage, type SupportedLanguage } from '../i18n';

// Each language is named in itself, so a person who cannot read the current one still finds theirs.
const LANGUAGE_NAMES: Record<SupportedLanguage, string> = { 'en-US': 'English', 'zh-CN': '简体中文' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select<SupportedLanguage>
      aria-label={t('common.language')}
      value={toSupportedLanguage(i18n.resolvedLanguage)}
      onChange={(language) => void i18n.changeLanguage(language)}
      options={SUPPORTED_LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
      prefix={<GlobalOutlined aria-hidden />}
      variant="borderless"
      popupMatchSelectWidth={false}
    />
  );
}
