import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CurrencyDto {
  @ApiProperty({ example: 'eur' }) code!: string;
  @ApiPropertyOptional({ example: '€' }) symbol?: string;
  @ApiPropertyOptional({ example: '€' }) symbol_native?: string;
  @ApiPropertyOptional({ example: 2 }) decimal_digits?: number;
  @ApiPropertyOptional({ example: 0 }) rounding?: number;
  @ApiPropertyOptional({ example: 'Euro' }) name?: string;
  @ApiPropertyOptional({ format: 'date-time' }) created_at?: string;
  @ApiPropertyOptional({ format: 'date-time' }) updated_at?: string;
}
