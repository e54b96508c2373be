import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/decorators/auth.decorators';
import { PrismaService } from '../database/prisma.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly prisma: PrismaService) {}

  @Get()
  @ApiOperation({ summary: 'Ready to serve: 200 when the database answers, 503 otherwise' })
  @ApiOkResponse({ schema: { example: { status: 'ok', database: 'up' } } })
  @ApiServiceUnavailableResponse({ schema: { example: { status: 'error', database: 'down' } } })
  async check(@Res({ passthrough: true }) response: FastifyReply): Promise<{ status: string; database: string }> {
    const up = await this.prisma.isReachable();
    if (!up) response.status(503);
    return up ? { status: 'ok', database: 'up' } : { status: 'error', database: 'down' };
  }
}
