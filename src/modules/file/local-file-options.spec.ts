import { loadConfig } from '../../framework/config/load-config';
import type { SthenoConfigFile } from '../../framework/config/define-config';
import { localFileOptions } from './local-file-options';

const options = (env: Record<string, string> = {}, file?: SthenoConfigFile) => localFileOptions(loadConfig(env, '/srv/app', file), '/srv/app');

describe('localFileOptions', () => {
  it('stores under <DATA_DIR>/uploads and serves at <BACKEND_URL>/static by default', () => {
    expect(options()).toEqual({ uploadDir: '/srv/app/.data/uploads', publicUrl: 'http://localhost:9000/static' });
    expect(options({ DATA_DIR: '/var/lib/stheno', PORT: '8080' })).toEqual({ uploadDir: '/var/lib/stheno/uploads', publicUrl: 'http://localhost:8080/static' });
    expect(options({ BACKEND_URL: 'https://api.example.com/' }).publicUrl).toBe('https://api.example.com/static');
  });

  it("takes Medusa's file-local options from modules.file.options, the directory relative to the working directory", () => {
    const file: SthenoConfigFile = { modules: { file: { options: { upload_dir: 'static', backend_url: 'https://cdn.example.com/files/' } } } };
    expect(options({}, file)).toEqual({ uploadDir: '/srv/app/static', publicUrl: 'https://cdn.example.com/files' });
  });

  it("takes them from Medusa's provider list too, the local entry's options winning", () => {
    const file: SthenoConfigFile = {
      modules: {
        file: {
          resolve: '@medusajs/medusa/file',
          options: {
            upload_dir: '/ignored',
            providers: [{ resolve: '@medusajs/medusa/file-local', id: 'local', options: { upload_dir: '/srv/uploads' } }],
          },
        },
      },
    };
    expect(options({}, file)).toEqual({ uploadDir: '/srv/uploads', publicUrl: 'http://localhost:9000/static' });
  });

  it('stops the boot on a wrong option, naming its path', () => {
    const file: SthenoConfigFile = {
      modules: { file: { options: { upload_dir: 42, providers: [{ resolve: './file-local', options: { backend_url: 'ftp://x' } }] } } },
    };
    expect(() => options({}, file)).toThrow(
      'Invalid configuration:\n  - modules.file.options.upload_dir: expected a directory path\n' +
        '  - modules.file.options.providers[0].options.backend_url: expected an http(s) URL such as https://cdn.example.com/static',
    );
  });

  it("refuses an option the file-local entry does not read, and leaves another provider with id 'local' alone", () => {
    const misspelt: SthenoConfigFile = { modules: { file: { options: { providers: [{ resolve: '@medusajs/medusa/file-local', id: 'local', options: { uploadDir: '/x' } }] } } } };
    expect(() => options({}, misspelt)).toThrow(
      'modules.file.options.providers[0].options.uploadDir: unknown option (the local file provider takes upload_dir and backend_url)',
    );
    // a custom provider replacing `local`: its options are its own, not the built-in's
    const replacement: SthenoConfigFile = { modules: { file: { options: { providers: [{ resolve: './s3', id: 'local', options: { backend_url: 'my-bucket' } }] } } } };
    expect(options({}, replacement)).toEqual({ uploadDir: '/srv/app/.data/uploads', publicUrl: 'http://localhost:9000/static' });
  });
});
