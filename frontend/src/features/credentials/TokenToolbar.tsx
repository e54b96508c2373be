import { PlusOutlined } from '@ant-design/icons';
import { TOKEN_STATES, type TokenState } from '@tessera/backend/contract';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplications } from './use-applications';

/** Typing searches after this pause; Enter searches at once. */
export const SEARCH_DEBOUNCE_MS = 300;

interface TokenToolbarProps {
  applicationId?: string;
  onApplicationChange?: (applicationId: string | undefined) => void;
  search: string;
  status: TokenState | undefined;
  onSearch: (search: string) => void;
  onStatusChange: (status: TokenState | undefined) => void;
  onCreate: () => void;
}

export function TokenToolbar({ applicationId, onApplicationChange, search, status, onSearch, onStatusChange, onCreate }: TokenToolbarProps) {
  const { t } = useTranslation();
  const { applications } = useApplications();
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  // The box follows the URL when something else changes it (back/forward, a link, a reset), but
  // not when the change is the echo of its own search: that would rewrite what is being typed.
  const [text, setText] = useState(search);
  const sent = useRef(search);
  useEffect(() => {
    if (search === sent.current) return;
    window.clearTimeout(timer.current);
    sent.current = search;
    setText(search);
  }, [search]);
  const searchNow = (value: string) => {
    window.clearTimeout(timer.current);
    if (value.trim() === search) return;
    sent.current = value.trim();
    onSearch(value.trim());
  };
  return (
    <Flex gap={8} wrap justify="space-between">
      <Flex gap={8} wrap style={{ flex: '1 1 auto' }}>
        <Input.Search
          aria-label={t('credentials.toolbar.search')}
          placeholder={t('credentials.toolbar.searchPlaceholder')}
          value={text}
          allowClear
          onSearch={searchNow}
          onChange={(event) => {
            const value = event.target.value;
            setText(value);
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => searchNow(value), SEARCH_DEBOUNCE_MS);
          }}
          style={{ width: 300, maxWidth: '100%' }}
        />
        <Select<TokenState>
          aria-label={t('credentials.toolbar.status')}
          placeholder={t('credentials.toolbar.allLive')}
          value={status}
          allowClear
          onChange={(value) => onStatusChange(value ?? undefined)}
          options={TOKEN_STATES.map((state) => ({ value: state, label: t(`credentials.state.${state}`) }))}
          style={{ width: 180 }}
        />
        {applications.length > 1 && (
          <Select<string>
            aria-label={t('credentials.application.filter')}
            placeholder={t('credentials.application.allApplications')}
            value={applicationId}
            allowClear
            onChange={(value) => onApplicationChange?.(value ?? undefined)}
            options={applications.map((entry) => ({ value: entry.id, label: entry.name }))}
            style={{ width: 200 }}
          />
        )}
      </Flex>
      <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
        {t('credentials.toolbar.create')}
      </Button>
    </Flex>
  );
}
