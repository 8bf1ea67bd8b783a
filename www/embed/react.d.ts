// <ecs-integration-guide> in React 19's JSX: `import type {} from '@shippable/ecs-integration-guide/react';`
// once in the host (types only; nothing at runtime). Separate from the main types so that hosts
// without React's types need nothing of React.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { EcsIntegrationGuideAttributes, EcsIntegrationGuideElement, EcsIntegrationGuideEventMap } from './ecs-integration-guide.js';

/**
 * The element's events as React 19 props: `on` and the event's name (`onguide-change`), which React
 * adds as a listener of that event on the element.
 */
export type EcsIntegrationGuideEventProps = {
  [K in keyof EcsIntegrationGuideEventMap as `on${K}`]?: (event: EcsIntegrationGuideEventMap[K]) => void;
};

/** The element's JSX props: React's own for any element, its attributes and its events. */
export type EcsIntegrationGuideProps = DetailedHTMLProps<HTMLAttributes<EcsIntegrationGuideElement>, EcsIntegrationGuideElement>
  & EcsIntegrationGuideAttributes & EcsIntegrationGuideEventProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ecs-integration-guide': EcsIntegrationGuideProps;
    }
  }
}
