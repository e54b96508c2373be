import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/decorators/auth.decorators';
import { PrismaService } from '../database/prisma.service';

export class HealthView {
  @ApiProperty({ enum: ['ok', 'error'], example: 'ok' }) status!: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'], example: 'up' }) database!: 'up' | 'down';
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  @Get()
  @ApiOperation({ operationId: 'getHealth', summary: 'Ready to serve: 200 when the database answers, 503 otherwise' })
  @ApiOkResponse({ type: HealthView, description: 'Ready' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'Not ready: the database does not answer' })
  async check(@Res({ passthrough: true }) response: FastifyReply): Promise<HealthView> {
    const up = await this.prisma.isReachable();
    if (!up) response.status(503);
    return up ? { status: 'ok', database: 'up' } : { status: 'error', database: 'down' };
  }
}
