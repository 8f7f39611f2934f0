import { removeDemoTemplate } from './demo-template';

export default function teardown(): void {
  removeDemoTemplate();
}
