/**
 * The one way livesim writes and reads files: never through a link, never into a FIFO or a
 * device, whole or not at all, no temporary left behind, and no error that quotes what a file
 * holds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileError } from '../../src/errors.js';
import { listEntries, parseJsonFile, readRegularFile } from '../../src/files/safe-read.js';
import { AppendFile, TEMPORARY_NAME, checkWritableTarget, temporaryFor, stageFiles, writeFileSafely } from '../../src/files/safe-write.js';
import { temporaryDirectory } from '../helpers.js';

/** A file outside the directory being written, that must never change. */
function outsider(): string {
  const file = path.join(temporaryDirectory(), 'secret.txt');
  writeFileSync(file, 'the user’s own words\n');
  return file;
}

const mkfifo = (file: string) => expect(spawnSync('mkfifo', [file]).status).toBe(0);

describe('writing a file', () => {
  it('replaces a regular file whole, and leaves no temporary', () => {
    const dir = temporaryDirectory();
    const file = path.join(dir, 'summary.json');
    writeFileSafely(file, 'first\n');
    writeFileSafely(file, 'second\n');
    expect(readFileSync(file, 'utf8')).toBe('second\n');
    expect(readdirSync(dir)).toEqual(['summary.json']);
  });

  it('refuses a target that is a link, a directory or a FIFO, before writing anything', () => {
    const dir = temporaryDirectory();
    const secret = outsider();
    symlinkSync(secret, path.join(dir, 'link.csv'));
    mkdirSync(path.join(dir, 'report.html'));
    mkfifo(path.join(dir, 'pipe.yaml'));
    for (const [name, kind] of [['link.csv', 'a symbolic link'], ['report.html', 'a directory'], ['pipe.yaml', 'a FIFO']] as const) {
      expect(() => writeFileSafely(path.join(dir, name), 'x')).toThrow(new RegExp(`it is ${kind}`));
    }
    expect(readFileSync(secret, 'utf8')).toBe('the user’s own words\n');
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'pipe.yaml', 'report.html']);
  });

  it('never writes through a link planted where an older livesim put its temporary', () => {
    const dir = temporaryDirectory();
    const secret = outsider();
    symlinkSync(secret, path.join(dir, `.report.html.${process.pid}.tmp`));
    writeFileSafely(path.join(dir, 'report.html'), '<html></html>');
    expect(readFileSync(secret, 'utf8')).toBe('the user’s own words\n');
    expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toBe('<html></html>');
  });

  it('names its temporaries unpredictably, in a form a later claim recognises as its own', () => {
    const names = Array.from({ length: 20 }, () => path.basename(temporaryFor('/runs/x/report.html')));
    expect(new Set(names).size).toBe(20);
    for (const name of names) expect(name).toMatch(TEMPORARY_NAME);
    expect(names[0]).toMatch(/^\.report\.html\.[0-9a-f]{12}\.tmp$/);
  });

  it('writes several files all or none: one that cannot be written leaves the others as they were', () => {
    const dir = temporaryDirectory();
    writeFileSync(path.join(dir, 'summary.json'), 'old\n');
    mkdirSync(path.join(dir, 'manifest.json'));
    expect(() =>
      stageFiles([
        { file: path.join(dir, 'summary.json'), content: 'new\n' },
        { file: path.join(dir, 'manifest.json'), content: '{}' },
      ]),
    ).toThrow(FileError);
    // Staged and renamed in the order asked; a second commit of the same file does nothing.
    const staged = stageFiles([{ file: path.join(dir, 'summary.json'), content: 'new\n' }]);
    expect(readFileSync(path.join(dir, 'summary.json'), 'utf8')).toBe('old\n');
    staged.commit([path.join(dir, 'summary.json'), path.join(dir, 'summary.json')]);
    expect(readFileSync(path.join(dir, 'summary.json'), 'utf8')).toBe('new\n');
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'summary.json']);
  });

  it('says where a file cannot go before any work is done for it', () => {
    const dir = temporaryDirectory();
    expect(() => checkWritableTarget(path.join(dir, 'missing', 'fit.yaml'))).toThrow(/it does not exist/);
    expect(() => checkWritableTarget(dir)).toThrow(/it is a directory/);
    expect(() => checkWritableTarget(path.join(dir, 'fit.yaml'))).not.toThrow();
  });

  it('creates a streamed file new, never through a link', () => {
    const dir = temporaryDirectory();
    const secret = outsider();
    symlinkSync(secret, path.join(dir, 'replicates.csv'));
    expect(() => new AppendFile(path.join(dir, 'replicates.csv'))).toThrow(FileError);
    const rows = new AppendFile(path.join(dir, 'sweep.csv'));
    rows.append('a,b\n');
    rows.append('1,2\n');
    rows.close();
    expect(readFileSync(path.join(dir, 'sweep.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(readFileSync(secret, 'utf8')).toBe('the user’s own words\n');
  });
});

describe('reading a run directory', () => {
  it('reads regular files only: a link out of the directory, a FIFO (without blocking) and a directory are refused', () => {
    const dir = temporaryDirectory();
    symlinkSync(outsider(), path.join(dir, 'timeseries.csv'));
    mkfifo(path.join(dir, 'manifest.json'));
    mkdirSync(path.join(dir, 'summary.json'));
    expect(() => readRegularFile(path.join(dir, 'timeseries.csv'))).toThrow(/symbolic link/);
    expect(() => readRegularFile(path.join(dir, 'manifest.json'))).toThrow(/FIFO/);
    expect(() => readRegularFile(path.join(dir, 'summary.json'))).toThrow(/directory/);
    expect(readRegularFile(path.join(dir, 'absent.csv'), { optional: true })).toBeUndefined();
    expect(listEntries(dir).map((entry) => entry.name).sort()).toEqual(['manifest.json', 'summary.json', 'timeseries.csv']);
  });

  it('says where JSON breaks, never what the file holds', () => {
    const text = 'root:x:0:0:root:/root:/bin/bash\n';
    const error = (() => {
      try {
        parseJsonFile(text, 'summary.json');
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FileError);
    expect(error!.message).toMatch(/summary\.json is not valid JSON/);
    expect(error!.message).not.toContain('root');
    expect(() => parseJsonFile('', 'summary.json')).toThrow(/it is empty/);
  });
});
