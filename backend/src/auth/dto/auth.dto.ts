import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { UserView } from '../../users/user.view';
import { EmailField, PasswordField, UsernameField } from '../../users/dto/user-fields';

export class RegisterDto {
  @UsernameField() username!: string;
  @EmailField() email!: string;
  @PasswordField() password!: string;

  @ApiPropertyOptional({ description: 'Needed when the sign-up mode is `invite` (from an admin\'s invitation)', example: 'inv_…' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  inviteCode?: string;
}

export class LoginDto {
  @EmailField({ newAddress: false }) email!: string;

  // Only presence is checked here: the length rules belong to registration.
  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class LoginResponseView {
  @ApiProperty({ description: 'Session JWT: send as `Authorization: Bearer <access_token>`' }) access_token!: string;
  @ApiProperty({ description: 'Seconds until the session expires' }) expires_in!: number;
  @ApiProperty({ type: UserView }) user!: UserView;
}
