import { ApiProperty } from '@nestjs/swagger';
import { ALL_SCOPES, type Scope } from '../contract';

export class RemainingView {
  @ApiProperty({ nullable: true, type: Number, description: 'Calls left under requestLimit; null = no limit' }) requests!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Cost units left under quotaLimit; null = no limit' }) quota!: number | null;
}

export class RateLimitView {
  @ApiProperty() limit!: number;
  @ApiProperty() remaining!: number;
  @ApiProperty({ format: 'date-time', description: 'When every call now in the 60 s window has left it' }) reset!: string;
}

export class VerifyResultView {
  @ApiProperty() valid!: boolean;
  @ApiProperty({
    enum: ['VALID', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED', 'TOKEN_DELETED', 'TOKEN_ROTATED', 'USER_DISABLED', 'IP_NOT_ALLOWED', 'INSUFFICIENT_SCOPE', 'REQUEST_LIMIT_EXCEEDED', 'QUOTA_EXCEEDED', 'RATE_LIMITED'],
  })
  code!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) tokenId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId!: string | null;
  @ApiProperty({ enum: ALL_SCOPES, isArray: true }) scopes!: Scope[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expiresAt!: string | null;
  @ApiProperty({ type: RemainingView }) remaining!: RemainingView;
  @ApiProperty({ type: RateLimitView, nullable: true }) rateLimit!: RateLimitView | null;
}
