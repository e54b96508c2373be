import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/dto/page.query';

export class ListAuditEventsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the events of this token' })
  @IsOptional() @IsUUID()
  tokenId?: string;
}
