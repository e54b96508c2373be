import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TokenStatsView, TokenUsageView } from './usage.views';
import { DaysQuery } from './dto/days.query';
import { CurrentPrincipal, ScopeGroup } from '../common/decorators/auth.decorators';
import { UuidParamPipe } from '../common/pipes/uuid-param.pipe';
import type { Principal } from '../common/principal';
import { UsageStatsService } from './usage-stats.service';

// Registered before ApiTokensController (see AppModule) so `stats` is not taken for an `:id`.
@ApiTags('usage')
@ScopeGroup('usage')
@Controller('users/me/api-tokens')
export class UsageController {
  constructor(private readonly stats: UsageStatsService) {}

  @Get('stats')
  @ApiOperation({ operationId: 'getApiTokenStats', summary: 'Overview of your tokens and their usage over ?days (session or usage:read)' })
  @ApiOkResponse({ type: TokenStatsView })
  overview(@CurrentPrincipal() principal: Principal, @Query() query: DaysQuery): Promise<TokenStatsView> {
    return this.stats.statsFor(principal.userId, query.days);
  }

  @Get(':id/usage')
  @ApiOperation({ operationId: 'getApiTokenUsage', summary: 'One point per UTC day (zeros filled) for charts (session or usage:read)' })
  @ApiOkResponse({ type: TokenUsageView })
  series(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new UuidParamPipe('id')) id: string,
    @Query() query: DaysQuery,
  ): Promise<TokenUsageView> {
    return this.stats.seriesFor(principal.userId, id, query.days);
  }
}
