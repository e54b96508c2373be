import { ApiProperty } from '@nestjs/swagger';
import type { ApiToken, TokenLeak } from '@prisma/client';
import { TokenApplicationView } from '../api-tokens/api-token.view';
import type { UndismissedServiceKeyLeak } from './token-leaks.repository';

export class LeakReportReceivedView {
  @ApiProperty({ description: 'How many entries the report held; says nothing about which were tokens' }) received!: number;
}

/** One entry of the answer to a GitHub secret scanning alert (GitHub's feedback format). */
export class SecretScanningFeedbackView {
  @ApiProperty({ description: 'Hex SHA-256 of the reported token' }) token_hash!: string;
  @ApiProperty({ example: 'tessera_personal_access_token', description: 'The `type` GitHub sent for the match: `tessera_personal_access_token` or `tessera_service_key` as registered' }) token_type!: string;
  @ApiProperty({ enum: ['true_positive', 'false_positive'], description: 'true_positive: the value is a secret this server issued' })
  label!: 'true_positive' | 'false_positive';
}

/** An undismissed leak of one of your tokens: what the panel's banner shows. */
export class UndismissedLeakView {
  @ApiProperty({ format: 'uuid' }) tokenId!: string;
  @ApiProperty() tokenName!: string;
  @ApiProperty({ example: 'tsr_Ab12…x9Yz' }) tokenPreview!: string;
  @ApiProperty({ nullable: true, type: String }) source!: string | null;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;

  static from(leak: TokenLeak & { token: Pick<ApiToken, 'name' | 'tokenPreview'> }): UndismissedLeakView {
    return {
      tokenId: leak.tokenId,
      tokenName: leak.token.name,
      tokenPreview: leak.token.tokenPreview,
      source: leak.source,
      url: leak.url,
      reportedAt: leak.reportedAt.toISOString(),
    };
  }
}

/** A service key revoked because it leaked, whose Administration banner no admin has dismissed. */
export class UndismissedServiceKeyLeakView {
  @ApiProperty({ format: 'uuid' }) serviceKeyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'tsk_Ab12…x9Yz' }) keyPreview!: string;
  @ApiProperty({ type: TokenApplicationView }) application!: TokenApplicationView;
  @ApiProperty({ nullable: true, type: String }) source!: string | null;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;

  static from(key: UndismissedServiceKeyLeak): UndismissedServiceKeyLeakView {
    return {
      serviceKeyId: key.id,
      name: key.name,
      keyPreview: key.keyPreview,
      application: key.application,
      source: key.leakSource,
      url: key.leakUrl,
      reportedAt: key.leakReportedAt.toISOString(),
    };
  }
}
