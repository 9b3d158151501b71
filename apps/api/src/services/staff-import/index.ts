export { applyStaffImport } from './apply.ts';
export { previewStaffImport, type StaffImportInput } from './preview.ts';
export {
  discardUpload,
  prepareUploadDir,
  receiveUpload,
  type UploadedFile,
} from '../uploads/receive.ts';
