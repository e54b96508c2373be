import type { SecretLintRuleCreator, SecretLintSourceCode } from '@secretlint/types';
import { findTesseraTokens } from './token.js';

export { findTesseraTokens, hasValidChecksum, kindOf, SERVICE_KEY_PATTERN_SOURCE, TOKEN_PATTERN_SOURCE, type SecretKind } from './token.js';

/** The token itself is never printed: only its first and last characters. */
const masked = (token: string) => `${token.slice(0, 8)}…${token.slice(-4)}`;

export const messages = {
  TesseraToken: {
    en: (props: { TOKEN: string }) => `found a Tessera personal access token: ${props.TOKEN} (revoke it: POST /api/v1/tokens/revoke-leaked)`,
    ja: (props: { TOKEN: string }) => `Tessera のパーソナルアクセストークンが見つかりました: ${props.TOKEN}`,
    'zh-CN': (props: { TOKEN: string }) => `发现 Tessera 个人访问令牌: ${props.TOKEN}（请吊销: POST /api/v1/tokens/revoke-leaked）`,
  },
  TesseraServiceKey: {
    en: (props: { TOKEN: string }) => `found a Tessera service key: ${props.TOKEN} (revoke it: POST /api/v1/tokens/revoke-leaked, or in Administration)`,
    ja: (props: { TOKEN: string }) => `Tessera のサービスキーが見つかりました: ${props.TOKEN}`,
    'zh-CN': (props: { TOKEN: string }) => `发现 Tessera 服务密钥: ${props.TOKEN}（请吊销: POST /api/v1/tokens/revoke-leaked，或在系统管理中吊销）`,
  },
};

/** secretlint rule: reports `tsr_` tokens and `tsk_` service keys whose CRC32 checksum is right, so look-alikes are not noise. */
export const creator: SecretLintRuleCreator = {
  messages,
  meta: {
    id: '@tessera/secretlint-rule-tessera',
    recommended: true,
    type: 'scanner',
    supportedContentTypes: ['text'],
  },
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source: SecretLintSourceCode) {
        for (const { token, kind, index } of findTesseraTokens(source.content)) {
          const message = kind === 'service-key' ? t('TesseraServiceKey', { TOKEN: masked(token) }) : t('TesseraToken', { TOKEN: masked(token) });
          context.report({ message, range: [index, index + token.length] });
        }
      },
    };
  },
};
