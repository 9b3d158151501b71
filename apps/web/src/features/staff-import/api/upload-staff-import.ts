import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api, apiErrorFrom, type SuccessBody } from '../../../lib/api-client.ts';
import { useMe } from '../../auth/index.ts';

const routes = api.api['staff-imports'];

/** What checking a file would change, as the API sends it. */
export type StaffImportPreview = SuccessBody<Awaited<ReturnType<typeof routes.preview.$post>>>;
/** What applying a file changed, as the API sends it. */
export type StaffImportResult = SuccessBody<Awaited<ReturnType<typeof routes.apply.$post>>>;

export type StaffImportMode = StaffImportPreview['mode'];
export type StaffImportEncodingChoice = 'auto' | 'utf-8' | 'cp932';

export interface StaffImportOptions {
  mode: StaffImportMode;
  encoding: StaffImportEncodingChoice;
  /** 'YYYY-MM-DD'. */
  effectiveDate: string;
}

/** How far the upload has got; `total` is the file's size in bytes. */
export interface UploadProgress {
  loaded: number;
  total: number;
  /** True once every byte is sent and the server is working on the file. */
  sent: boolean;
}

interface UploadRequest {
  path: string;
  file: File;
  csrfToken: string | null;
  onProgress: (progress: UploadProgress) => void;
}

/**
 * POSTs the file as the raw request body with XMLHttpRequest rather than the typed client:
 * fetch cannot report upload progress, and an 80,000-person file takes a while to send on a
 * ministry network. The path still comes from the typed client, so a renamed route fails the
 * build. Non-2xx answers become the same ApiError that `unwrap()` throws.
 */
function upload<T>({ path, file, csrfToken, onProgress }: UploadRequest): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    // The API accepts text/csv whatever the browser guessed (some report CSV as Excel's type).
    xhr.setRequestHeader('content-type', 'text/csv');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      const total = event.lengthComputable ? event.total : file.size;
      onProgress({ loaded: event.loaded, total, sent: false });
    };
    xhr.upload.onload = () => onProgress({ loaded: file.size, total: file.size, sent: true });
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          // A success status carries the body the API declared for the route.
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          // Not JSON after all (a proxy's page): the same INTERNAL error the typed client gives.
          reject(apiErrorFrom(xhr.status, xhr.responseText));
        }
      } else {
        reject(apiErrorFrom(xhr.status, xhr.responseText));
      }
    };
    // A network failure is not an ApiError: the pages show it as "cannot reach the server".
    xhr.onerror = () => reject(new TypeError('Network request failed'));
    xhr.onabort = () => reject(new TypeError('Upload aborted'));
    onProgress({ loaded: 0, total: file.size, sent: false });
    xhr.send(file);
  });
}

function query(file: File, options: StaffImportOptions) {
  return {
    mode: options.mode,
    encoding: options.encoding,
    effectiveDate: options.effectiveDate,
    fileName: file.name,
  };
}

/** A mutation that uploads the file, with the upload's progress alongside. */
function useUploadMutation<I extends { file: File }, T>(pathFor: (input: I) => string) {
  const me = useMe();
  const csrfToken = me.data?.csrfToken ?? null;
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (input: I) =>
      upload<T>({ path: pathFor(input), file: input.file, csrfToken, onProgress: setProgress }),
    onSettled: () => setProgress(null),
  });
  const { reset: resetMutation } = mutation;
  const reset = useCallback(() => {
    resetMutation();
    setProgress(null);
  }, [resetMutation]);
  return { ...mutation, reset, progress };
}

/** Sends the file to be checked: nothing is written. */
export function usePreviewStaffImport() {
  return useUploadMutation<{ file: File; options: StaffImportOptions }, StaffImportPreview>(
    ({ file, options }) => routes.preview.$path({ query: query(file, options) }),
  );
}

/**
 * Sends the same file again with the checksum the check returned, to apply it; `invite` e-mails
 * the people it adds a link to set their password.
 */
export function useApplyStaffImport() {
  return useUploadMutation<
    { file: File; options: StaffImportOptions; checksum: string; invite: boolean },
    StaffImportResult
  >(({ file, options, checksum, invite }) =>
    routes.apply.$path({
      query: { ...query(file, options), checksum, ...(invite ? { invite: 'true' as const } : {}) },
    }),
  );
}
