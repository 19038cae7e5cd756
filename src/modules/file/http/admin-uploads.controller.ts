import { Controller, Delete, Get, Param, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { deleteEnvelope } from '../../../framework/http/envelopes';
import { ApiDeleteResponse, ApiSingleResponse } from '../../../framework/http/route-docs';
import { Post } from '../../../framework/http/verbs';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { ApiAdminAuth } from '../../../framework/openapi/security';
import { FileDto } from '../dto/file.dto';
import { FileService } from '../file.service';
import { ReceivedFile, UPLOAD_FIELD, UploadLimitsInterceptor } from './upload-limits';

/**
 * Medusa's `/admin/uploads`: multipart uploads stored by the file provider, and their URLs. The
 * guard authenticates before the interceptors run, so an anonymous request's body is never parsed.
 */
@ApiTags('Admin Uploads')
@ApiAdminAuth()
@Controller('admin/uploads')
export class AdminUploadsController {
  constructor(private readonly files: FileService) {}

  @Post()
  // any field name reaches the filter, which names the right one (upload-limits.ts)
  @UseInterceptors(UploadLimitsInterceptor, AnyFilesInterceptor())
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: `One or more files in the \`${UPLOAD_FIELD}\` field (\`UPLOAD_MAX_FILES\` at most, each at most \`UPLOAD_MAX_FILE_SIZE\`)`,
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD],
      properties: { [UPLOAD_FIELD]: { type: 'array', items: { type: 'string', format: 'binary' } } },
    },
  })
  @ApiExtraModels(FileDto)
  @ApiOkResponse({
    description: 'The stored files, in the order sent',
    schema: { type: 'object', required: ['files'], properties: { files: { type: 'array', items: { $ref: getSchemaPath(FileDto) } } } },
  })
  @ApiErrors(400, 401, 413)
  async upload(@UploadedFiles() files: ReceivedFile[] | undefined) {
    return { files: await this.files.upload((files ?? []).map((file) => ({ filename: file.originalname, mimeType: file.mimetype, content: file.buffer }))) };
  }

  @Get(':id')
  @ApiSingleResponse('file', FileDto)
  @ApiErrors(401, 404)
  async retrieve(@Param('id') id: string) {
    return { file: await this.files.retrieve(id) };
  }

  @Delete(':id')
  @ApiDeleteResponse('file')
  @ApiErrors(401, 404)
  async delete(@Param('id') id: string) {
    await this.files.delete(id);
    return deleteEnvelope(id, 'file');
  }
}
