import {
  createCourse as createCourseRoute,
  getCourse as getCourseRoute,
  listCourses as listCoursesRoute,
  publishCourse as publishCourseRoute,
  updateCourse as updateCourseRoute,
} from '@kenshu/contracts';
import { anyOf, SIGNED_IN } from '@kenshu/domain';
import { withAccess } from '../lib/access.ts';
import { createRouter } from '../lib/router.ts';
import { serviceContext } from '../lib/service-context.ts';
import {
  createCourse,
  getCourse,
  listCourses,
  publishCourse,
  updateCourse,
} from '../services/courses/catalogue.ts';

export const courseRoutes = createRouter()
  .openapi(withAccess(listCoursesRoute, SIGNED_IN), async (c) => {
    const includeInactive = c.req.valid('query').includeInactive === 'true';
    return c.json(
      { items: await listCourses({ ctx: serviceContext(c), input: { includeInactive } }) },
      200,
    );
  })
  .openapi(withAccess(getCourseRoute, SIGNED_IN), async (c) => {
    return c.json(await getCourse({ ctx: serviceContext(c), input: c.req.valid('param') }), 200);
  })
  .openapi(withAccess(createCourseRoute, anyOf('admin')), async (c) => {
    return c.json(await createCourse({ ctx: serviceContext(c), input: c.req.valid('json') }), 201);
  })
  .openapi(withAccess(updateCourseRoute, anyOf('admin')), async (c) => {
    const input = { ...c.req.valid('json'), id: c.req.valid('param').id };
    return c.json(await updateCourse({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(withAccess(publishCourseRoute, anyOf('admin')), async (c) => {
    return c.json(
      await publishCourse({ ctx: serviceContext(c), input: c.req.valid('param') }),
      200,
    );
  });
