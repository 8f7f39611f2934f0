import { setup } from './services';

export default setup;
