import { teardown } from './services';

export default teardown;
