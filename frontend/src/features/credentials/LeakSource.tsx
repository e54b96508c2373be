import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const isHttpUrl = (url: string) => /^https?:\/\//i.test(url);

/** Where a leak was found: the reported words, and the link when it is an http(s) URL (never a javascript: one). */
export function LeakSource({ source, url }: { source: string | null; url: string | null }) {
  const { t } = useTranslation();
  const link = url && isHttpUrl(url) ? url : null;
  return (
    <>
      <Typography.Text strong>{source ?? (link ? '' : t('credentials.leak.unknownSource'))}</Typography.Text>
      {source && link && ' — '}
      {link && (
        <Typography.Link href={link} target="_blank" rel="noopener noreferrer nofollow">
          {link}
        </Typography.Link>
      )}
    </>
  );
}
