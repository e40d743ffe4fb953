import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'duty-tracker:public';

/** Opens a route (or a whole controller) to callers without an access token. Everything else needs one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
