// A settings page as a front-end engineer would write it: the guide inside the page's own form, its
// role ARN in React state through guide-change, FormData on submit. No shims, no configuration.
// The event through React 19's custom element event prop, onguide-change: its parameter typed by
// …/react (strict, noImplicitAny).
import { useState, type FormEvent } from 'react';
import '@shippable/ecs-integration-guide';
import type {} from '@shippable/ecs-integration-guide/react';

export function App() {
  const [roleArn, setRoleArn] = useState('');
  const [complete, setComplete] = useState(false);
  const [mounted, setMounted] = useState(true);
  const [saved, setSaved] = useState('');

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(JSON.stringify(Object.fromEntries(new FormData(event.currentTarget))));
  };

  return (
    <main className="settings">
      <h1>Add Integration</h1>
      <form id="integration" className="columns" onSubmit={save}>
        <fieldset className="card">
          <legend>Amazon Web Services (IAM)</legend>
          <label>Integration name <input name="integration-name" defaultValue="AWS-IAM-Integration" /></label>
          <p>Role ARN: <output id="role-arn">{roleArn}</output></p>
          <button id="save" type="submit" disabled={!complete}>Save</button>
          <button id="toggle" type="button" onClick={() => setMounted((m) => !m)}>{mounted ? 'Hide' : 'Show'} the guide</button>
        </fieldset>
        {mounted && (
          <ecs-integration-guide
            onguide-change={(event) => {
              if (event.target !== event.currentTarget) return; // only our element's events count
              setRoleArn(event.detail.value);
              setComplete(event.detail.complete);
            }}
            className="card"
            name="role-arn"
            required
            method="cross-account"
            shippable-aws-account-id="210987654321"
            external-id="57b3a1c2d4e5f60718293a4b"
            locked="shippable-aws-account-id external-id"
          />
        )}
      </form>
      <pre id="saved">{saved}</pre>
    </main>
  );
}
