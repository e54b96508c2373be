import type { SecretLintRuleCreator, SecretLintSourceCode } from '@secretlint/types';
import { findTesseraTokens } from './token.js';

export { findTesseraTokens, hasValidChecksum, TOKEN_PATTERN_SOURCE } from './token.js';

/** The token itself is never printed: only its first and last characters. */
const masked = (token: string) => `${token.slice(0, 8)}…${token.slice(-4)}`;

export const messages = {
  TesseraToken: {
    en: (props: { TOKEN: string }) => `found a Tessera personal access token: ${props.TOKEN} (revoke it: POST /api/v1/tokens/revoke-leaked)`,
    ja: (props: { TOKEN: string }) => `Tessera のパーソナルアクセストークンが見つかりました: ${props.TOKEN}`,
    'zh-CN': (props: { TOKEN: string }) => `发现 Tessera 个人访问令牌: ${props.TOKEN}（请吊销: POST /api/v1/tokens/revoke-leaked）`,
  },
};

/** secretlint rule: reports `tsr_` tokens whose CRC32 checksum is right, so look-alikes are not noise. */
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
        for (const { token, index } of findTesseraTokens(source.content)) {
          context.report({ message: t('TesseraToken', { TOKEN: masked(token) }), range: [index, index + token.length] });
        }
      },
    };
  },
};
