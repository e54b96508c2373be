import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { USER_RULES } from '../../contract';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export const UsernameField = () =>
  applyDecorators(
    ApiProperty({ example: 'ada', pattern: USER_RULES.usernamePattern }),
    trim,
    IsString(),
    Matches(new RegExp(USER_RULES.usernamePattern), {
      message: 'username must be 3-32 letters, digits, "_" or "-"',
    }),
  );

export const EmailField = () =>
  applyDecorators(
    ApiProperty({ example: 'ada@example.com' }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsString(),
    MaxLength(254),
    IsEmail({}, { message: 'email must be a valid email address' }),
  );

export const PasswordField = (name = 'password') =>
  applyDecorators(
    ApiProperty({ example: 'correct horse battery staple', minLength: USER_RULES.passwordMinLength }),
    IsString(),
    MinLength(USER_RULES.passwordMinLength, { message: `${name} must be at least ${USER_RULES.passwordMinLength} characters` }),
    MaxLength(USER_RULES.passwordMaxLength),
  );
