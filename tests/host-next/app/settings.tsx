'use client';
// The client part, as a Next.js user writes it: the element's module imported on the server too
// (it defines nothing there), the role ARN in React state through guide-change, FormData on submit.
// The listener is added in an effect: React 19 does not attach a custom element's on… props while
// hydrating server-rendered markup (facebook/react#35446), so onguide-change would miss events
// until the next render. The effect first reads the state the element already has.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import '@shippable/ecs-integration-guide';
import type { EcsIntegrationGuideElement } from '@shippable/ecs-integration-guide';
import type {} from '@shippable/ecs-integration-guide/react';

export function Settings() {
  const guide = useRef<EcsIntegrationGuideElement>(null);
  const [roleArn, setRoleArn] = useState('');
  const [complete, setComplete] = useState(false);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    const element = guide.current;
    if (!element) return;
    const show = () => {
      setRoleArn(element.value);
      setComplete(element.complete);
    };
    show();
    element.addEventListener('guide-change', show);
    return () => element.removeEventListener('guide-change', show);
  }, []);
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(JSON.stringify(Object.fromEntries(new FormData(event.currentTarget))));
  };
  return (
    <form id="integration" onSubmit={save}>
      <label>Integration name <input name="integration-name" defaultValue="AWS-IAM-Integration" /></label>
      <p>Role ARN: <output id="role-arn">{roleArn}</output></p>
      <button id="save" type="submit" disabled={!complete}>Save</button>
      <ecs-integration-guide
        ref={guide}
        name="role-arn"
        required
        method="cross-account"
        shippable-aws-account-id="210987654321"
        external-id="57b3a1c2d4e5f60718293a4b"
        locked="shippable-aws-account-id external-id"
      />
      <pre id="saved">{saved}</pre>
    </form>
  );
}
