import type { TestProject } from 'vitest/node';
import { createTemplate, type TemplateInfo } from '@kenshu/db/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: TemplateInfo;
  }
}

/** Migrates one template database per run; every test file copies it (see useTestDatabase). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = await createTemplate(process.env.DATABASE_URL || undefined);
  project.provide('databaseTemplate', template.info);
  return template.dispose;
}
