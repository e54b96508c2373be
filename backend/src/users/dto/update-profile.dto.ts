import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EmailField, PasswordField, UsernameField } from './user-fields';

export class UpdateProfileDto {
  @IsOptional() @UsernameField() username?: string;
  @IsOptional() @EmailField() email?: string;
  @IsOptional() @PasswordField('newPassword') newPassword?: string;

  @ApiPropertyOptional({ description: 'Required when newPassword is set or email changes' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  currentPassword?: string;
}
