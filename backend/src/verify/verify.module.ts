import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { VerifyController } from './verify.controller';
import { VerifyService } from './verify.service';

@Module({ imports: [AccessModule], controllers: [VerifyController], providers: [VerifyService] })
export class VerifyModule {}
