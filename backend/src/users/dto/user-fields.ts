import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { USER_RULES } from '../../contract';
import { ASCII_EMAIL, normalizeEmail, normalizeUsername } from '../user-names';

/** NFKC before the pattern: a fullwidth `ａｌｉｃｅ` is the name `alice` (and then taken, if it is). */
const normalizedUsername = Transform(({ value }) => (typeof value === 'string' ? normalizeUsername(value) : value));

export const UsernameField = () =>
  applyDecorators(
    ApiProperty({ example: 'ada', pattern: USER_RULES.usernamePattern }),
    normalizedUsername,
    IsString(),
    Matches(new RegExp(USER_RULES.usernamePattern), {
      message: 'username must be 3-32 letters, digits, "_" or "-"',
    }),
  );

/**
 * Normalised (NFKC, case-folded) before anything compares it. A new address (sign-up, profile
 * change) must also be ASCII, so no homoglyph of another address can be registered; sign-in
 * (`newAddress: false`) takes any address, so no existing account is locked out.
 */
export const EmailField = ({ newAddress = true }: { newAddress?: boolean } = {}) =>
  applyDecorators(
    ApiProperty({ example: 'ada@example.com' }),
    Transform(({ value }) => (typeof value === 'string' ? normalizeEmail(value) : value)),
    IsString(),
    MaxLength(254),
    IsEmail({}, { message: 'email must be a valid email address' }),
    ...(newAddress
      ? [Matches(ASCII_EMAIL, { message: 'email must be written in ASCII (an internationalised domain in its xn-- form)' })]
      : []),
  );

export const PasswordField = (name = 'password') =>
  applyDecorators(
    ApiProperty({ example: 'correct horse battery staple', minLength: USER_RULES.passwordMinLength }),
    IsString(),
    MinLength(USER_RULES.passwordMinLength, { message: `${name} must be at least ${USER_RULES.passwordMinLength} characters` }),
    MaxLength(USER_RULES.passwordMaxLength),
  );
