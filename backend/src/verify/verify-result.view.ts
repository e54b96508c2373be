import { ApiProperty } from '@nestjs/swagger';

export class RemainingView {
  @ApiProperty({ nullable: true, type: Number, description: 'Calls left under requestLimit; null = no limit' }) requests!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Cost units left under quotaLimit; null = no limit' }) quota!: number | null;
}

export class RateLimitView {
  @ApiProperty() limit!: number;
  @ApiProperty() remaining!: number;
  @ApiProperty({ format: 'date-time', description: 'When every call now in the 60 s window has left it' }) reset!: string;
}

export class VerifyApplicationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'deploy-api' }) slug!: string;
}

export class VerifyOwnerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
}

export class VerifyResultView {
  @ApiProperty() valid!: boolean;
  @ApiProperty({
    enum: ['VALID', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED', 'TOKEN_DELETED', 'TOKEN_ROTATED', 'USER_DISABLED', 'IP_NOT_ALLOWED', 'INSUFFICIENT_SCOPE', 'REQUEST_LIMIT_EXCEEDED', 'QUOTA_EXCEEDED', 'RATE_LIMITED'],
  })
  code!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) tokenId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId!: string | null;
  @ApiProperty({ type: String, isArray: true, description: "The token's scopes, as given (implications not expanded)" }) scopes!: string[];
  @ApiProperty({ type: VerifyApplicationView, nullable: true, description: 'The application of the token (that of the service key); null when the token is unknown' })
  application!: VerifyApplicationView | null;
  @ApiProperty({ type: VerifyOwnerView, nullable: true }) owner!: VerifyOwnerView | null;
  @ApiProperty({ nullable: true, type: String, description: "The token's name" }) name!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When a refilling quota is next refilled (also X-Quota-Reset, epoch seconds); null when it does not refill' })
  quotaResetsAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiresAt!: string | null;
  @ApiProperty({ type: RemainingView }) remaining!: RemainingView;
  @ApiProperty({ type: RateLimitView, nullable: true }) rateLimit!: RateLimitView | null;
}
