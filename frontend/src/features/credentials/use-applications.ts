import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { tesseraApi } from '../../api/tessera-api';
import type { Application } from '../../api/types';
import { useApiData } from '../../api/use-api-data';

/** `GET /api/applications` in the panel's language: exactly the applications and scopes the server accepts. */
export function useApplications(): { applications: Application[]; loading: boolean } {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const load = useCallback(() => tesseraApi.listApplications(language), [language]);
  const { data, loading } = useApiData<Application[]>(load, `applications:${language}`);
  return { applications: data ?? [], loading };
}
