import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ApplicationsModule } from '../applications/applications.module';
import { VerifyController } from './verify.controller';
import { VerifyService } from './verify.service';

@Module({ imports: [AccessModule, ApplicationsModule], controllers: [VerifyController], providers: [VerifyService] })
export class VerifyModule {}
