// <ecs-integration-guide> in React 19's JSX: `import type {} from '@shippable/ecs-integration-guide/react';`
// once in the host (types only; nothing at runtime). Separate from the main types so that hosts
// without React's types need nothing of React.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { EcsIntegrationGuideAttributes, EcsIntegrationGuideElement } from './ecs-integration-guide.js';

/** The element's JSX props: React's own for any element, and its attributes. */
export type EcsIntegrationGuideProps = DetailedHTMLProps<HTMLAttributes<EcsIntegrationGuideElement>, EcsIntegrationGuideElement>
  & EcsIntegrationGuideAttributes;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ecs-integration-guide': EcsIntegrationGuideProps;
    }
  }
}
