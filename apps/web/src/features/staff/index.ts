// What other features may use of the staff feature.
export { staffKeys } from './api/keys.ts';
export { StaffPicker, type PickedStaff } from './components/staff-picker.tsx';
export {
  getStaffTraining,
  staffTrainingQueryOptions,
  useStaffTraining,
  type StaffRequirement,
} from './api/staff-training.ts';
