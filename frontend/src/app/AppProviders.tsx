import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthProvider } from '../features/auth/AuthProvider';
import '../i18n';
import { toSupportedLanguage } from '../i18n';
import { antdLocaleFor, applyDayjsLocale } from '../i18n/ui-locale';
import { panelTheme } from './theme';
import { usePrefersReducedMotion } from './use-reduced-motion';

interface AppProvidersProps {
  children: ReactNode;
  /** Tests turn motion off so closed modals unmount at once; by default it follows prefers-reduced-motion. */
  motion?: boolean;
}

/** Translations, antd's locale and dayjs' locale switch together here. */
export function AppProviders({ children, motion }: AppProvidersProps) {
  const { i18n } = useTranslation();
  const reducedMotion = usePrefersReducedMotion();
  const animate = motion ?? !reducedMotion;
  const language = toSupportedLanguage(i18n.resolvedLanguage);
  // Set before children render so relative dates in this very render use the new language.
  applyDayjsLocale(language);
  const theme = useMemo<ThemeConfig>(() => panelTheme(animate), [animate]);
  // Screen readers pick their voice (and browsers their fonts) from <html lang>.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <ConfigProvider locale={antdLocaleFor(language)} theme={theme}>
      <AntdApp>
        <AuthProvider>{children}</AuthProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
