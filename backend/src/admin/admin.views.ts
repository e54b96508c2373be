import { ApiProperty } from '@nestjs/swagger';
import { ApiTokenView } from '../api-tokens/api-token.view';
import { AuditEventView } from '../audit/audit-event.view';
import { SIGNUP_MODES, USER_ROLES, type SignupMode, type UserRole } from '../contract';

export class AdminUserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: 'active' | 'disabled';
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) disabledAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastSignInAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Latest sign-in or token use' }) lastActivityAt!: string | null;
  @ApiProperty({ description: 'Tokens not deleted' }) tokenCount!: number;
  @ApiProperty({ description: 'Tokens that work now (not revoked, deleted or expired)' }) activeTokenCount!: number;
}

export class AdminUserPageView {
  @ApiProperty({ type: AdminUserView, isArray: true }) data!: AdminUserView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() totalPages!: number;
}

export class TokenOwnerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() email!: string;
}

export class AdminApiTokenView extends ApiTokenView {
  @ApiProperty({ type: TokenOwnerView }) owner!: TokenOwnerView;
}

export class AdminApiTokenPageView {
  @ApiProperty({ type: AdminApiTokenView, isArray: true }) data!: AdminApiTokenView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() totalPages!: number;
}

export class BulkRevokeView {
  @ApiProperty({ description: 'Tokens revoked by this call' }) revoked!: number;
  @ApiProperty({ description: 'Tokens that were revoked already (left as they were)' }) alreadyRevoked!: number;
  @ApiProperty({ type: AdminApiTokenView, isArray: true }) data!: AdminApiTokenView[];
}

export class AdminPolicyView {
  @ApiProperty() maxTokenLifetimeDays!: number;
  @ApiProperty() allowNoExpiry!: boolean;
  @ApiProperty() maxTokensPerUser!: number;
  @ApiProperty() expiryNoticeDays!: number;
  @ApiProperty({ nullable: true, type: Number }) idleRevokeDays!: number | null;
  @ApiProperty({ enum: SIGNUP_MODES }) signupMode!: SignupMode;
  @ApiProperty({ description: 'Whether verify answers about tokens of the tessera application without a service key' }) openVerifyForTesseraTokens!: boolean;
}

export class AdminAuditEventView extends AuditEventView {
  @ApiProperty({ format: 'uuid', description: 'The account the event is about' }) userId!: string;
  @ApiProperty({ nullable: true, type: String }) username!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The acting admin' }) actorUsername!: string | null;
}

export class AdminAuditEventPageView {
  @ApiProperty({ type: AdminAuditEventView, isArray: true }) data!: AdminAuditEventView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() totalPages!: number;
}

export class UsageDayView {
  @ApiProperty({ example: '2026-12-01' }) day!: string;
  @ApiProperty() requests!: number;
  @ApiProperty() succeeded!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() cost!: number;
}

export class TopTokenView {
  @ApiProperty({ format: 'uuid' }) tokenId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() tokenPreview!: string;
  @ApiProperty({ type: TokenOwnerView }) owner!: TokenOwnerView;
  @ApiProperty() requests!: number;
}

export class TopUserView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty() requests!: number;
}

export class AdminUsageView {
  @ApiProperty() days!: number;
  @ApiProperty({ type: UsageDayView, isArray: true, description: 'One entry per day, oldest first, zero-filled' }) series!: UsageDayView[];
  @ApiProperty({ type: UsageDayView, description: 'Sums over the period (day = the first day)' }) totals!: UsageDayView;
  @ApiProperty({ type: TopTokenView, isArray: true }) topTokens!: TopTokenView[];
  @ApiProperty({ type: TopUserView, isArray: true }) topUsers!: TopUserView[];
}
