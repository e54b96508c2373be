import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Invite } from '@prisma/client';
import { PageQuery } from '../../common/dto/page.query';

export const INVITE_MAX_DAYS = 90;

export class CreateInviteDto {
  @ApiPropertyOptional({ example: 'ada@example.com', description: 'Only this email may register with the code' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be a valid email address' })
  email?: string;

  @ApiProperty({ example: 7, minimum: 1, maximum: INVITE_MAX_DAYS })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INVITE_MAX_DAYS)
  expiresInDays!: number;
}

export class ListInvitesQuery extends PageQuery {}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export class InviteView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'inv_AbCd…wxyz' }) codePreview!: string;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ enum: ['pending', 'used', 'expired'] }) state!: 'pending' | 'used' | 'expired';
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) usedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) usedByUserId!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static from(invite: Invite, now = new Date()): InviteView {
    return {
      id: invite.id,
      codePreview: invite.codePreview,
      email: invite.email,
      state: invite.usedAt ? 'used' : invite.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending',
      expiresAt: invite.expiresAt.toISOString(),
      usedAt: iso(invite.usedAt),
      usedByUserId: invite.usedByUserId,
      createdBy: invite.createdBy,
      createdAt: invite.createdAt.toISOString(),
    };
  }
}

export class CreatedInviteView extends InviteView {
  @ApiProperty({ description: 'The code, shown only in this answer' }) code!: string;
  @ApiProperty({ description: 'The panel sign-up page with the code filled in', example: '/register?invite=inv_…' }) url!: string;
}

export class InvitePageView {
  @ApiProperty({ type: InviteView, isArray: true }) data!: InviteView[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() totalPages!: number;
}
