import { Module } from '@nestjs/common';
import { ThrottleModule } from '../auth/throttle.module';
import { PasswordCheck } from './password-check';
import { PasswordHasher } from './password-hasher';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [ThrottleModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, PasswordHasher, PasswordCheck],
  exports: [UsersService, UsersRepository, PasswordHasher, PasswordCheck],
})
export class UsersModule {}
