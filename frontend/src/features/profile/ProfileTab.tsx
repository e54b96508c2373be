import { Divider } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExpiryWebhookSection } from '../expiry-notices/ExpiryWebhookSection';
import { ProfileForm } from './ProfileForm';

/** The Profile tab of the user panel: account details, then where expiry notices go. */
export function ProfileTab() {
  const { t } = useTranslation();
  return (
    <>
      <ProfileForm />
      <Divider titlePlacement="start">{t('profile.expiryWebhookSection')}</Divider>
      <ExpiryWebhookSection />
    </>
  );
}
