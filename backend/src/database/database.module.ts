import { DynamicModule, Global, Module } from '@nestjs/common';
import { DATABASE_POOL_SIZE, DATABASE_URL, PrismaService } from './prisma.service';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(connectionString: string, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_URL, useValue: connectionString },
        { provide: DATABASE_POOL_SIZE, useValue: poolSize },
        PrismaService,
      ],
      exports: [PrismaService],
    };
  }
}
