// The export code (src/export) loaded on the first export and kept: activation only registers the commands.
import { lazyModule } from '../util/lazyModule';

export const exportModule = lazyModule(() => import('../export'));
