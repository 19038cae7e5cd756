import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Min } from 'class-validator';
import { SthenoError } from '../errors/stheno-error';
import { batchBody, LinkBodyDto } from './bodies';
import { projectFields } from './envelopes';
import { createValidationPipe } from './validation';

class CreateThing {
  @ApiProperty() @IsString() title!: string;
}
class UpdateThing {
  @ApiProperty() @IsString() id!: string;
  @ApiProperty() @IsInt() @Min(0) rank!: number;
}
class BatchThings extends batchBody(CreateThing, UpdateThing) {}

const validate = (metatype: new () => object, value: unknown) =>
  createValidationPipe().transform(value, { type: 'body', metatype });

describe('batch and link bodies', () => {
  it('accepts {create, update, delete} and builds each element with its own DTO', async () => {
    const body = (await validate(BatchThings, { create: [{ title: 'A' }], update: [{ id: 'x', rank: 2 }], delete: ['y'] })) as InstanceType<typeof BatchThings>;
    expect(body.create?.[0]).toBeInstanceOf(CreateThing);
    expect(body.update?.[0]).toBeInstanceOf(UpdateThing);
    expect(body.delete).toEqual(['y']);
  });

  it('rejects a bad element with its path', async () => {
    await expect(validate(BatchThings, { update: [{ id: 'x', rank: -1 }] })).rejects.toThrow(/update\.0\.rank must not be less than 0/);
    await expect(validate(BatchThings, { create: [{ title: 'A', colour: 'red' }] })).rejects.toThrow("Unrecognized fields: 'create.0.colour'");
  });

  it('accepts {add, remove} id lists and rejects anything else', async () => {
    expect(await validate(LinkBodyDto, { add: ['a'], remove: [] })).toBeInstanceOf(LinkBodyDto);
    await expect(validate(LinkBodyDto, { add: [1] })).rejects.toBeInstanceOf(SthenoError);
    await expect(validate(LinkBodyDto, { add: ['a'], link: ['b'] })).rejects.toThrow("Unrecognized fields: 'link'");
  });
});

describe('projectFields', () => {
  const product = {
    id: 'prod_1',
    title: 'Shirt',
    metadata: { colour: 'red' },
    variants: [
      { id: 'variant_1', sku: 'S-1', options: [{ id: 'optval_1', value: 'S' }] },
      { id: 'variant_2', sku: 'S-2', options: [] },
    ],
    collection: { id: 'pcol_1', title: 'Summer' },
  };

  it('keeps the selected columns and relations, recursively', () => {
    expect(projectFields(product, ['id', 'title', 'variants.sku', 'variants.options.value', 'collection.title'])).toEqual({
      id: 'prod_1',
      title: 'Shirt',
      variants: [
        { sku: 'S-1', options: [{ value: 'S' }] },
        { sku: 'S-2', options: [] },
      ],
      collection: { title: 'Summer' },
    });
  });

  it('expands rel.* to the relation columns but not its nested relations', () => {
    expect(projectFields(product, ['id', 'variants.*'])).toEqual({
      id: 'prod_1',
      variants: [
        { id: 'variant_1', sku: 'S-1' },
        { id: 'variant_2', sku: 'S-2' },
      ],
    });
  });

  it('adds no id to nested items: Medusa answers `categories.is_internal` as [{is_internal: false}] (medusa-wire 05)', () => {
    const withCategories = { ...product, categories: [{ id: 'pcat_1', name: 'Shirts', is_internal: false }] };
    expect(projectFields(withCategories, ['id', 'categories.is_internal'])).toEqual({ id: 'prod_1', categories: [{ is_internal: false }] });
  });

  it('keeps jsonb columns such as metadata as values', () => {
    expect(projectFields(product, ['metadata'])).toEqual({ metadata: { colour: 'red' } });
  });
});
