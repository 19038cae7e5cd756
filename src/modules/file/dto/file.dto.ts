import { ApiProperty } from '@nestjs/swagger';

/** A stored file: Medusa's `AdminFile`. */
export class FileDto {
  @ApiProperty({ example: 'summer-sale-01JD8Q4V7ZC2M1N8X6Y3K5P9RT.png', description: 'The file id (also its name in storage)' })
  id!: string;

  @ApiProperty({ example: 'http://localhost:9000/static/summer-sale-01JD8Q4V7ZC2M1N8X6Y3K5P9RT.png', description: 'Where clients fetch the file' })
  url!: string;
}
