export { applyRosterImport } from './apply.ts';
export { previewRosterImport, type RosterImportInput } from './preview.ts';
export {
  discardRosterFile,
  prepareUploadDir,
  receiveRosterFile,
  type RosterFile,
} from './receive.ts';
