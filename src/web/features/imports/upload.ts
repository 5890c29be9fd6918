import { ApiError } from '../../api/client';
import type { ImportDto } from '../../../contracts/imports';

export interface UploadFields {
  format?: string;
  createContacts?: boolean;
}

/**
 * Sends the file as multipart/form-data with XMLHttpRequest, the one browser API that reports
 * upload progress; fields go before the file, as the server reads them.
 */
export function uploadImport(file: File, fields: UploadFields, onProgress: (fraction: number) => void): Promise<ImportDto> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if (fields.format) form.append('format', fields.format);
    if (fields.createContacts) form.append('createContacts', 'true');
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Cannot reach the Rapport server. Check that it is running.'));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as ImportDto);
      const problem = (data ?? {}) as { detail?: string; title?: string; code?: string; errors?: { path: string; message: string }[] };
      reject(new ApiError(xhr.status, problem.code ?? 'internal', problem.detail ?? problem.title ?? `Upload failed (${xhr.status})`, problem.errors ?? []));
    };
    xhr.send(form);
  });
}
