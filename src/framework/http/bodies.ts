import { Type } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';

export const MAX_BATCH_SIZE = 1000;

/** `{add, remove}`: the body of every link route (`POST /admin/sales-channels/:id/products`). */
export class LinkBodyDto {
  @ApiPropertyOptional({ type: [String], description: 'Ids to link' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsString({ each: true })
  add?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Ids to unlink' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_BATCH_SIZE)
  @IsString({ each: true })
  remove?: string[];
}

export interface BatchBody<C, U> {
  create?: C[];
  update?: U[];
  delete?: string[];
}

/**
 * Builds the DTO of a batch route: `{create: Create[], update: Update[], delete: string[]}`, each
 * element validated with its own DTO (`class AdminBatchProducts extends batchBody(CreateProduct, UpdateProduct) {}`).
 */
export function batchBody<C extends object, U extends object>(create: Type<C>, update: Type<U>): Type<BatchBody<C, U>> {
  class BatchBodyDto implements BatchBody<C, U> {
    @ApiPropertyOptional({ type: [create] })
    @IsOptional()
    @IsArray()
    @ArrayMaxSize(MAX_BATCH_SIZE)
    @ValidateNested({ each: true })
    @TransformType(() => create)
    create?: C[];

    @ApiPropertyOptional({ type: [update] })
    @IsOptional()
    @IsArray()
    @ArrayMaxSize(MAX_BATCH_SIZE)
    @ValidateNested({ each: true })
    @TransformType(() => update)
    update?: U[];

    @ApiPropertyOptional({ type: [String], description: 'Ids to delete' })
    @IsOptional()
    @IsArray()
    @ArrayMaxSize(MAX_BATCH_SIZE)
    @IsString({ each: true })
    delete?: string[];
  }
  return BatchBodyDto;
}
