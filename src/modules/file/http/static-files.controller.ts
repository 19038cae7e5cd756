import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../framework/auth/public.decorator';
import { SthenoError } from '../../../framework/errors/stheno-error';
import { ApiErrors } from '../../../framework/openapi/error-responses';
import { isFileKey } from '../file-keys';
import { STATIC_ROUTE } from '../local-file-options';
import { LocalFileProvider } from '../local-file.provider';

/**
 * Ids are unique and a stored file never changes, so caches may keep it: a deleted file can
 * outlive its deletion in browser and proxy caches for this long, as on any CDN.
 */
const MAX_AGE_MS = 365 * 24 * 3600 * 1000;

/**
 * Headers of every served file. Uploaded HTML or SVG must not run scripts on the API's origin
 * (where admin sessions live): the CSP sandboxes such a document when opened directly, and
 * `nosniff` keeps browsers to the declared type. `cross-origin` lets storefronts on other origins
 * embed the images.
 */
const FILE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/**
 * The local provider's files, public, at `/static/<id>` (Medusa serves its `static` directory the
 * same way): one file per id, the Content-Type from the extension, range requests and
 * `If-Modified-Since` answered. Nothing but an id the module made can name a file, so there is no
 * directory listing, no dot-file (the partial uploads) and no way out of the directory.
 */
@ApiTags('Files')
@Controller(STATIC_ROUTE)
export class StaticFilesController {
  constructor(private readonly local: LocalFileProvider) {}

  @Get(':id')
  @Public()
  @ApiParam({ name: 'id', description: 'The id POST /admin/uploads returned' })
  @ApiOkResponse({ description: 'The file, with the Content-Type of its extension', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(404)
  async serve(@Param('id') id: string, @Res() res: Response): Promise<void> {
    if (!isFileKey(id)) throw notFound();
    const error = await new Promise<unknown>((resolve) =>
      res.sendFile(id, { root: this.local.directory, dotfiles: 'deny', maxAge: MAX_AGE_MS, immutable: true, headers: FILE_HEADERS }, resolve),
    );
    // no error, or a client gone mid-transfer: nothing left to answer
    if (!error || res.headersSent) return;
    const { status, code } = error as { status?: number; code?: string };
    throw status === 404 || code === 'ENOENT' ? notFound() : error;
  }
}

function notFound(): SthenoError {
  return SthenoError.notFound('File not found');
}
