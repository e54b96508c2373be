import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class SaveExpiryWebhookDto {
  @ApiProperty({
    example: 'https://hooks.example.com/tessera',
    maxLength: 2048,
    description: 'http:// or https:// URL that receives the signed notices. Loopback and private addresses are refused unless the operator allows them.',
  })
  @IsString()
  @MaxLength(2048)
  url!: string;
}
